"""Publication dates: normalising stated dates and finding a dateline near the top of a text.

Dateline rule (``find_dateline``), applied to the first ``WINDOW`` characters:

1. Candidates are English calendar dates with a year: "September 18, 2021",
   "28 August 2014", "2014-08-28", "23.10.2017" and "23-10-2017" (day first), plus wire datelines
   "MOSCOW, Oct 23 (Reuters) -" at the start of a line (year optional).
2. A candidate is *strong* when it is part of a clear dateline pattern:
   a wire dateline; a date right after a weekday ("Wed 05 Apr 2017"); right
   after a clock time ("23:38 23.10.2017", "1449 09.04.2017"); or after "published", "updated",
   "posted", "dated" ... on the same line.
3. Any other candidate is *weak* and counts only when it is not governed by a
   preposition ("on 3 May 2016", "since ...": a date in a sentence, usually the
   event's date, not the publication date) and it stands on a short line (a stamp
   or byline, at most ``SHORT_LINE`` characters), opens the text ("6 Oct 2017 At
   least ten people ..." where the page's stamp ran into the body), or is followed
   by a clock time ("August 13 2016 2037 UTC+3", "07-08-2013 0147 PM") or by an
   agency credit in capitals ("6 October 2016 Aleppo SANA-").
4. The earliest strong candidate wins; with none, the earliest weak one. So a
   capture stamp on line 1 ("September 18, 2021, 15:55") loses to the site's own
   "23:38 23.10.2017" dateline further down.
5. A wire dateline without a year borrows the year of the nearest other
   candidate in the window; with none it is not used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

WINDOW = 400
SHORT_LINE = 80

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MON = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DATE_FORMS = [
    rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}\b",  # September 18, 2021
    rf"\b{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b",  # 28 August 2014
    rf"(?<![\d.-]){_YEAR}-(?P<num_mon>\d{{1,2}})-(?P<day2>\d{{1,2}})(?!\d)",  # 2014-08-28
    rf"(?<![\d.]){_DAY}\.(?P<num_mon>\d{{1,2}})\.{_YEAR}(?!\d)",  # 23.10.2017
    rf"(?<![\d.-]){_DAY}-(?P<num_mon>\d{{1,2}})-{_YEAR}(?![\d-])",  # 23-10-2017
    rf"\b{_MON}\s+(?P<day>\d{{2}}){_YEAR}\b",  # Apr 232017 (a site template that drops the space)
]
_DATE_RES = [re.compile(f, re.IGNORECASE) for f in _DATE_FORMS]
_WIRE = re.compile(
    rf"^[ \t]*[A-Z][A-Za-z .'\-]*[A-Za-z](?:,[ \t]+[A-Z][A-Za-z .]*)?,[ \t]+{_MON}[ \t]+{_DAY}"
    rf"(?:,?[ \t]+{_YEAR})?[ \t]*\([A-Za-z][A-Za-z .&/-]*\)[ \t]*[-\u2013\u2014]",
    re.MULTILINE,
)
_WEEKDAY_BEFORE = re.compile(
    r"\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?,?\s*$", re.I
)
_TIME_BEFORE = re.compile(r"(?:\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?|(?<!\d)(?:[01]\d|2[0-3])[0-5]\d)\s*$")
#: A news-agency credit right after a date: "6 October 2016 Aleppo SANA-", "21 May 2016 AFP".
_CREDIT_AFTER = re.compile(r"^\s+(?:[A-Z][a-z]+\s+){0,2}[A-Z]{3,}\b")
#: A clock time right after a date: "13:05", "0147 PM", "2037 UTC+3", "15.55 GMT".
_TIME_AFTER = re.compile(
    r"^,?\s+(?:\d{1,2}[:.]\d{2}\b|(?:[01]\d|2[0-3])[0-5]\d\s*(?:[AaPp]\.?[Mm]\b|GMT|UTC|BST|hrs\b))"
)
_KEYWORD_BEFORE = re.compile(
    r"\b(?:published|updated|posted|dated?|issued|released|modified)\b[^\n]{0,25}$", re.I
)
_PROSE_BEFORE = re.compile(
    r"\b(?:on|in|since|until|till|from|before|after|between|and|to|of|during|by)\s*$", re.I
)
_ISO_PREFIX = re.compile(r"^\s*((?:19|20|21)\d{2})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:$|[T\s])")


@dataclass(frozen=True)
class Dateline:
    """A publication date found in a text: ISO date, the matched text and its offsets."""

    iso: str
    text: str
    start: int
    end: int
    strong: bool


def _month(token: str) -> int:
    return _MONTHS[token.lower()[:3]]


def _valid(year: int, month: int, day: int) -> Optional[date]:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _from_match(m: re.Match[str]) -> Optional[date]:
    g = m.groupdict()
    month = int(g["num_mon"]) if g.get("num_mon") else _month(g["mon"])
    day = int(g.get("day") or g.get("day2"))
    return _valid(int(g["year"]), month, day)


def _candidates(window: str) -> list[Dateline]:
    found: list[Dateline] = []
    for rx in _DATE_RES:
        for m in rx.finditer(window):
            d = _from_match(m)
            if d is None:
                continue
            line_start = window.rfind("\n", 0, m.start()) + 1
            line_end = window.find("\n", m.end())
            line = window[line_start : len(window) if line_end < 0 else line_end]
            prefix = window[line_start : m.start()]
            strong = bool(
                _WEEKDAY_BEFORE.search(prefix)
                or _TIME_BEFORE.search(prefix)
                or _KEYWORD_BEFORE.search(prefix)
            )
            stamp_like = (
                len(line.strip()) <= SHORT_LINE
                or not window[: m.start()].strip()  # the text opens with it
                or _TIME_AFTER.match(window[m.end() :]) is not None
                or _CREDIT_AFTER.match(window[m.end() :]) is not None
            )
            weak_ok = stamp_like and not _PROSE_BEFORE.search(prefix)
            if strong or weak_ok:
                found.append(Dateline(d.isoformat(), m.group(0), m.start(), m.end(), strong))
    return found


def _wire_datelines(window: str, others: list[Dateline]) -> list[Dateline]:
    found: list[Dateline] = []
    for m in _WIRE.finditer(window):
        year = int(m.group("year")) if m.group("year") else None
        if year is None and others:
            year = int(min(others, key=lambda c: abs(c.start - m.start())).iso[:4])
        d = _valid(year, _month(m.group("mon")), int(m.group("day"))) if year else None
        if d is not None:
            text = m.group(0).strip()
            found.append(Dateline(d.isoformat(), text, m.start(), m.end(), True))
    return found


def find_dateline(text: str, window: int = WINDOW) -> Optional[Dateline]:
    """The publication date stated near the top of ``text`` (see the module rule), or None."""
    head = text[:window]
    cands = _candidates(head)
    cands += _wire_datelines(head, cands)
    if not cands:
        return None
    strong = [c for c in cands if c.strong]
    return min(strong or cands, key=lambda c: c.start)


def is_date_stamp(line: str) -> bool:
    """True when a line is only a date (and maybe a time): a print/capture stamp, not a title."""
    rest = line
    for rx in _DATE_RES:
        rest = rx.sub("", rest)
    if rest == line:
        return False
    return not re.sub(r"[\d:.,\s|/-]|[AaPp]\.?[Mm]\.?|GMT|UTC", "", rest)


def normalise_published(value: object) -> Optional[str]:
    """A stated publication date as "YYYY", "YYYY-MM" or "YYYY-MM-DD" (precision kept), or None.

    Accepts ISO strings (a time part is dropped), integers (a year) and the
    written forms ``find_dateline`` knows ("28 August 2014").
    """
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:04d}" if 1000 <= value <= 2999 else None
    if not isinstance(value, str) or not value.strip():
        return None
    m = _ISO_PREFIX.match(value)
    if m:
        year, month, day = m.group(1), m.group(2), m.group(3)
        if day and _valid(int(year), int(month), int(day)):
            return f"{year}-{int(month):02d}-{int(day):02d}"
        if month and not day and 1 <= int(month) <= 12:
            return f"{year}-{int(month):02d}"
        if not month:
            return year
        return None
    for rx in _DATE_RES:
        m2 = rx.search(value)
        if m2 and (d := _from_match(m2)):
            return d.isoformat()
    return None
