"""A person who "was one of three people shot that night": the three are a tally.

"He was one of three people killed over an eight-hour stretch", "she was the first of two
teenagers killed over the weekend": a report places its victim in a wider tally of a night,
a weekend or a city, whose figure is no toll of this incident (the victim is). Only when the
sentence names such a span (``events.json`` ``partitive_tally_cues``); "one of three people
shot at the party" keeps its three. The cue list is the project's reading of US local news.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import load_json

_PART_OF = re.compile(r"\b(?:one|the\s+(?:first|second|third|fourth|fifth|last|latest|youngest|oldest))\s+of\s+(?:the\s+)?$",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _cues() -> re.Pattern[str]:
    phrases = sorted(load_json("events.json")["partitive_tally_cues"]["phrases"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)


def tally_of_one(before: str, after: str) -> bool:
    """Is the count right after ``before`` the wider tally one victim is part of ("one of
    three people killed over the weekend")? ``after``: the sentence after the count."""
    return bool(_PART_OF.search(before[-30:])) and bool(_cues().search(after))
