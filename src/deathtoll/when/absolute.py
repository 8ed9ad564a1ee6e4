"""Rules for calendar dates written out: '28 August 2014', 'Aug. 28', '28/08/2014',
'in May 2015', 'in 2013', 'late May', 'the end of May', '28-30 August'.

A date without a year takes it from the publication date (see ``dates.infer_year``);
such hits are marked ``relative``. Without a publication date they are ``UNRESOLVABLE``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Optional

from .dates import (
    Hit,
    infer_period_year,
    infer_year,
    make_date,
    month_end,
    month_span,
    precision_for_length,
)
from .relative import UNRESOLVABLE, Outcome
from .rules import Rules

_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?$")


@lru_cache(maxsize=4)
def _patterns(rules: Rules) -> dict[str, re.Pattern[str]]:
    mon, part = rules.month_re, rules.part_re
    year = r"(?: (?P<year>\d{4}))?"
    sep = r"(?:-| - | and | to | until | till | through | thru )"
    return {
        "d_m": re.compile(rf"^(?P<day>\d{{1,2}}) (?P<month>{mon}){year}$"),
        "m_d": re.compile(rf"^(?P<month>{mon}) (?P<day>\d{{1,2}}){year}$"),
        "dd_m": re.compile(rf"^(?P<day>\d{{1,2}}){sep}(?P<day2>\d{{1,2}}) (?P<month>{mon}){year}$"),
        "m_dd": re.compile(rf"^(?P<month>{mon}) (?P<day>\d{{1,2}}){sep}(?P<day2>\d{{1,2}}){year}$"),
        "dm_dm": re.compile(rf"^(?P<day>\d{{1,2}}) (?P<month>{mon}){sep}(?P<day2>\d{{1,2}}) (?P<month2>{mon}){year}$"),
        "md_md": re.compile(rf"^(?P<month>{mon}) (?P<day>\d{{1,2}}){sep}(?P<month2>{mon}) (?P<day2>\d{{1,2}}){year}$"),
        "dmy_dmy": re.compile(rf"^(?P<day>\d{{1,2}}) (?P<month>{mon}) (?P<year1>\d{{4}}){sep}(?P<day2>\d{{1,2}}) "
                              rf"(?P<month2>{mon}) (?P<year>\d{{4}})$"),
        "mdy_mdy": re.compile(rf"^(?P<month>{mon}) (?P<day>\d{{1,2}}) (?P<year1>\d{{4}}){sep}(?P<month2>{mon}) "
                              rf"(?P<day2>\d{{1,2}}) (?P<year>\d{{4}})$"),
        "m_y": re.compile(rf"^(?P<month>{mon})(?: (?:of )?(?P<year>\d{{4}}))?$"),
        "y": re.compile(r"^(?P<year>\d{4})$"),
        "part_m": re.compile(rf"^(?:the )?(?P<part>{part})(?:-| | of | of the month of )(?P<month>{mon}){year}$"),
        "part_y": re.compile(rf"^(?:the )?(?P<part>{part})(?:-| | of )(?P<year>\d{{4}})$"),
    }


def _year_ok(year: int, rules: Rules) -> bool:
    return rules.year_range[0] <= year <= rules.year_range[1]


def _explicit_year(text: Optional[str], rules: Rules) -> Optional[int]:
    if text is None:
        return None
    y = int(text)
    return y if _year_ok(y, rules) else -1


def _day_hit(year_text: Optional[str], month: int, day: int, pub: Optional[date], rules: Rules) -> Outcome:
    year = _explicit_year(year_text, rules)
    if year == -1:
        return None
    if year is not None:
        d = make_date(year, month, day)
        return Hit(d, d, "day") if d else None
    if pub is None:
        return UNRESOLVABLE
    d = infer_year(month, day, pub, rules)
    return Hit(d, d, "day", relative=True) if d else None


def _range_hit(m: re.Match[str], pub: Optional[date], rules: Rules) -> Outcome:
    """'28-30 August 2014', 'August 28 to September 2'."""
    months = rules.months
    m1 = months[m.group("month")]
    m2 = months[m.group("month2")] if "month2" in m.groupdict() else m1
    d1, d2 = int(m.group("day")), int(m.group("day2"))
    first = _day_hit(m.group("year"), m1, d1, pub, rules)
    if not isinstance(first, Hit):
        return first
    start = first.start
    end = make_date(start.year, m2, d2)
    if end is not None and end < start and m2 < m1:
        end = make_date(start.year + 1, m2, d2)  # across new year
    if end is None or end < start:
        return None
    if m.group("year") and end.year > start.year:  # the year written belongs to the end
        start = make_date(start.year - 1, m1, d1) or start
    return Hit(start, end, precision_for_length(start, end, rules), relative=first.relative)


def numeric(s: str, pub: Optional[date], rules: Rules) -> Outcome:
    """'2014-08-28', '2014-08', '28/08/2014' (day first unless the second number exceeds 12), '28/08'."""
    m = _ISO.match(s)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        day = make_date(y, mo, d) if _year_ok(y, rules) else None
        return Hit(day, day, "day") if day else None
    m = _ISO_MONTH.match(s)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        if not (_year_ok(y, rules) and 1 <= mo <= 12):
            return None
        start, end = month_span(y, mo)
        return Hit(start, end, "month")
    m = _NUMERIC.match(s)
    if not m:
        return None
    a, b = int(m.group(1)), int(m.group(2))
    day, month = (b, a) if (b > 12 and a <= 12) else (a, b)
    if not 1 <= month <= 12:
        return None
    year_text = m.group(3)
    if year_text is not None and len(year_text) == 2:
        yy = int(year_text)
        year_text = str(2000 + yy if yy < rules.two_digit_year_pivot else 1900 + yy)
    if year_text is None and "-" in s:
        return None  # "28-30" is a range of numbers, not a date
    return _day_hit(year_text, month, day, pub, rules)


def month_part(s: str, pub: Optional[date], rules: Rules) -> Outcome:
    """'late May', 'mid-August 2014', 'the end of May', 'early 2014' (thirds of a month; parts of a year)."""
    pats = _patterns(rules)
    m = pats["part_m"].match(s)
    if m and m.group("part") in rules.month_parts:
        month = rules.months[m.group("month")]
        first, last, precision = rules.month_parts[m.group("part")]
        year = _explicit_year(m.group("year"), rules)
        relative = year is None
        if year == -1:
            return None
        if year is None:
            if pub is None:
                return UNRESOLVABLE
            year = infer_period_year(month, first, pub, rules)
        end_of_month = month_end(year, month)
        start = date(year, month, min(first, end_of_month.day))
        end = date(year, month, min(last, end_of_month.day))
        return Hit(start, end, precision, relative=relative)
    m = pats["part_y"].match(s)
    if m and m.group("part") in rules.year_parts:
        year = _explicit_year(m.group("year"), rules)
        if year is None or year == -1:
            return None
        first, last = rules.year_parts[m.group("part")]
        start, end = date(year, first, 1), month_end(year, last)
        return Hit(start, end, precision_for_length(start, end, rules))
    return None


def heavy_strip(s: str, rules: Rules) -> str:
    """``s`` without filler words and weekday names ('on the night of Thursday 28 August' -> '28 august')."""
    return " ".join(t for t in s.split() if t not in rules.fillers and t not in rules.weekdays)


def worded(s: str, pub: Optional[date], rules: Rules) -> Outcome:
    """'28 August 2014', 'August 28', '28-30 August', 'May 2015', 'May', '2013'."""
    t = heavy_strip(s, rules)
    if not t:
        return None
    pats = _patterns(rules)
    for key in ("d_m", "m_d"):
        m = pats[key].match(t)
        if m:
            return _day_hit(m.group("year"), rules.months[m.group("month")], int(m.group("day")), pub, rules)
    for key in ("dmy_dmy", "mdy_mdy"):
        m = pats[key].match(t)
        if m:
            first = _day_hit(m.group("year1"), rules.months[m.group("month")], int(m.group("day")), pub, rules)
            last = _day_hit(m.group("year"), rules.months[m.group("month2")], int(m.group("day2")), pub, rules)
            if not (isinstance(first, Hit) and isinstance(last, Hit)) or last.start < first.start:
                return None
            return Hit(first.start, last.end, precision_for_length(first.start, last.end, rules))
    for key in ("dd_m", "m_dd", "dm_dm", "md_md"):
        m = pats[key].match(t)
        if m:
            return _range_hit(m, pub, rules)
    m = pats["m_y"].match(t)
    if m:
        month = rules.months[m.group("month")]
        year = _explicit_year(m.group("year"), rules)
        if year == -1:
            return None
        if year is None:
            if pub is None:
                return UNRESOLVABLE
            start, end = month_span(infer_period_year(month, 1, pub, rules), month)
            return Hit(start, end, "month", relative=True)
        start, end = month_span(year, month)
        return Hit(start, end, "month")
    m = pats["y"].match(t)
    if m:
        year = _explicit_year(m.group("year"), rules)
        if year is None or year == -1:
            return None
        return Hit(date(year, 1, 1), date(year, 12, 31), "year")
    return None
