"""US state abbreviations after a place name ("Gary, Ind.", "LITTLE ROCK, AR -"): the way
US news and datelines name the state, which the name index (full names only) misses.

Data: ``resources/geo_us_states.tsv`` (USPS postal codes, AP Stylebook abbreviations).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from deathtoll.geo.rules import read_tsv


@lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern[str], dict[str, str]]:
    code_of: dict[str, str] = {}
    for row in read_tsv("geo_us_states.tsv"):
        code_of[row["postal"]] = row["code"]
        for ap in row["ap"].split("|"):
            code_of[ap] = row["code"]
            code_of[ap.upper()] = row["code"]  # a dateline in capitals: "MIAMI, FLA."
    alts = "|".join(re.escape(a) for a in sorted(code_of, key=len, reverse=True))
    # a capitalised place (1-3 words), a comma, the abbreviation, then no further letter
    rx = re.compile(rf"\b[A-Z][\w'’.\-]*(?:\s[A-Z][\w'’.\-]*){{0,2}},\s(?P<st>{alts})(?![\w])(?!\s[A-Z]{{2,}}\b)")
    return rx, code_of


def state_cues(text: str) -> Counter[str]:
    """GeoNames admin1 codes ("US.IN") of the states ``text`` names by abbreviation after a
    place, with how often."""
    rx, code_of = _table()
    return Counter(code_of[m.group("st")] for m in rx.finditer(text))


@lru_cache(maxsize=1)
def _report_cues() -> tuple[tuple[tuple[re.Pattern[str], str], ...], int]:
    """((each cue's pattern, a lower-case word its every match holds, or ""), min_distinct)."""
    from deathtoll.resources import load_json

    data = load_json("geo_us_report_cues.json")
    return tuple((re.compile(p["pattern"]), p.get("needs", "")) for p in data["patterns"]), int(data["min_distinct"])


def us_report_cues(text: str, stop_at: int | None = None) -> int:
    """How many distinct US-report cues ``text`` holds ("Sheriff's Office", "the 1300 block
    of", a 10-digit phone number, "second-degree murder"; ``resources/geo_us_report_cues.json``),
    counted up to ``stop_at`` when given. A cue whose word is not in the text is not searched
    for (a substring test is far cheaper than a regular expression over a whole report)."""
    low = text.lower()
    found = 0
    for rx, needs in _report_cues()[0]:
        if needs in low and rx.search(text):
            found += 1
            if found == stop_at:
                break
    return found


def us_report_strength(text: str) -> int:
    """:func:`us_report_cues` counted only as far as :func:`is_us_report` needs to decide."""
    return us_report_cues(text, stop_at=_report_cues()[1])


def is_us_report(text: str, names_abroad: bool = True, strength: int | None = None) -> bool:
    """Whether ``text`` is written about the United States in so many words: at least
    ``min_distinct`` different US cues (one alone may be a foreign report's quote), or one
    where the text names no country but the US (``names_abroad`` False). ``strength``:
    :func:`us_report_strength` of the text, when the caller has it already."""
    need = _report_cues()[1] if names_abroad else 1
    return (us_report_strength(text) if strength is None else strength) >= need


@lru_cache(maxsize=1)
def _street_rx() -> tuple[re.Pattern[str], re.Pattern[str]]:
    from deathtoll.resources import load_json

    data = load_json("geo_us_report_cues.json")
    return re.compile(data["street_before"]["pattern"]), re.compile(data["street_after"]["pattern"])


def is_street(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is written as a street ("the 1900 block of Dover",
    "3712 North Elm", "Mississippi Street"), not as the town or state of that name."""
    before, after = _street_rx()
    return bool(before.search(text, max(0, start - 40), start) or after.match(text, end))


def state_abbreviation_at(text: str, start: int, end: int) -> str | None:
    """The GeoNames admin1 code of the state that ``text[start:end]`` abbreviates the AP way
    after a place and a comma ("MIAMI, FLA.", "Gary, Ind."), else None. Only dotted AP forms
    count ("Miss" or "Mass" alone are words), and only right after ", "."""
    rx, code_of = _table()
    if start < 2 or text[start - 2:start] != ", ":
        return None
    word = text[start:end].rstrip(".") + "."
    if text[end:end + 1] != "." and not text[start:end].endswith("."):
        return None
    code = code_of.get(word) or code_of.get(word.upper())
    return code if code and len(word) > 3 else None
