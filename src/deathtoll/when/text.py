"""Normalising date expressions and reading the numbers in them."""

from __future__ import annotations

import re
from typing import Optional

from text_to_num import text2num

from .rules import Rules

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u2013": "-", "\u2014": "-", "\u2212": "-"})
_POSSESSIVE = re.compile(r"'s\b|s'(?=\s|$)")
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
_DOT_AFTER_LETTER = re.compile(r"(?<=[a-z])\.")
_CLOCK = re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\b\.?|p\.?m\b\.?)|\b\d{1,2}:\d{2}(?::\d{2})?\b|\b\d{4}\s*(?:gmt|utc|hrs|hours)\b")
_SPACES = re.compile(r"\s+")
_JUNK = re.compile(r"[^a-z0-9/\-. ]+")
_SPACED_HYPHEN = re.compile(r"\s*-\s*")


def normalize(expression: str) -> str:
    """Lower-case, plain punctuation, no possessives, ordinals or clock times.

    "Thursday's attack" -> "thursday attack"; "the 28th of August, 2014" -> "the 28 of august 2014";
    "Aug. 28" -> "aug 28". Hyphens stay ("mid-august", "2014-08-28", "28-30 august").
    """
    s = expression.translate(_APOSTROPHES).lower()
    s = _POSSESSIVE.sub("", s)
    s = _CLOCK.sub(" ", s)
    s = _ORDINAL.sub(r"\1", s)
    s = _DOT_AFTER_LETTER.sub("", s)
    s = s.replace(",", " ")
    s = _JUNK.sub(" ", s)
    s = _SPACED_HYPHEN.sub("-", s)
    s = _SPACES.sub(" ", s).strip(" .-/")
    return s


def strip_leading(s: str, rules: Rules) -> str:
    """Drop leading filler words ("on", "in the", "sometime during") repeatedly."""
    changed = True
    while changed and s:
        changed = False
        for word in rules.leading_fillers:
            if s.startswith(word + " "):
                s = s[len(word) + 1 :]
                changed = True
                break
    return s


def strip_times_of_day(s: str, rules: Rules) -> str:
    """Remove time-of-day words ("yesterday morning" -> "yesterday")."""
    for phrase in rules.times_of_day:
        s = re.sub(rf"\b(?:early |late |in the |on the |the )?{re.escape(phrase)}\b", " ", s)
    return _SPACES.sub(" ", s).strip()


def parse_number(text: str, rules: Rules) -> Optional[tuple[int, int]]:
    """A count written in digits or words, as (low, high): "3" -> (3, 3),
    "twenty-one" -> (21, 21), "a few" -> (2, 4) (vague words from the rules)."""
    t = text.strip()
    if not t:
        return None
    if t in rules.vague_numbers:
        return rules.vague_numbers[t]
    if t.isdigit():
        n = int(t) if len(t) <= 6 else None
        return (n, n) if n is not None else None
    try:
        n = int(text2num(t, "en"))
    except ValueError:
        return None
    return (n, n) if 0 <= n <= 100000 else None
