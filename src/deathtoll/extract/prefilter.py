"""The cheap relevance test every document passes before any parsing.

A text is relevant when it holds a casualty trigger (``events.json``, the lexicon's
``trigger_regex``). A few triggers are ordinary words far more often than reports of
violence ("shot", "body": sports, film, weather prose): for those, listed in
``resources/prefilter.json``, a cue around the word (a regular expression whose match
covers it: "was shot", "shot in the head", "the body of a man") must say gunfire or the
dead. Nothing is parsed here: a few regular expressions over the raw text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import resources
from .caseless import for_matching
from .lexicon import load_lexicon

#: How far around a weak trigger its cue may start or end (characters).
CUE_REACH = 80


@lru_cache(maxsize=1)
def weak_trigger_cues() -> dict[str, re.Pattern[str]]:
    """Weak trigger word (lower case) -> one pattern of all its cues."""
    data = resources.load_json("prefilter.json")["weak_triggers"]
    return {word.lower(): re.compile("|".join(f"(?:{p})" for p in cues), re.IGNORECASE) for word, cues in data.items()}


def is_relevant(text: str) -> bool:
    """Cheap prefilter: does the text hold a casualty trigger that reads as one?"""
    weak = weak_trigger_cues()
    subject, rx = for_matching(text, load_lexicon().trigger_regex)
    for m in rx.finditer(subject):
        cue = weak.get(m.group(0).lower())
        if cue is None:
            return True
        for c in cue.finditer(text, max(0, m.start() - CUE_REACH), m.end() + CUE_REACH):
            if c.start() <= m.start() and c.end() >= m.end():
                return True
    return False
