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
    alts = "|".join(re.escape(a) for a in sorted(code_of, key=len, reverse=True))
    # a capitalised place (1-3 words), a comma, the abbreviation, then no further letter
    rx = re.compile(rf"\b[A-Z][\w'’.\-]*(?:\s[A-Z][\w'’.\-]*){{0,2}},\s(?P<st>{alts})(?![\w])(?!\s[A-Z]{{2,}}\b)")
    return rx, code_of


def state_cues(text: str) -> Counter[str]:
    """GeoNames admin1 codes ("US.IN") of the states ``text`` names by abbreviation after a
    place, with how often."""
    rx, code_of = _table()
    return Counter(code_of[m.group("st")] for m in rx.finditer(text))
