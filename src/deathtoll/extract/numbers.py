"""Parse one written number ("18,000", "1.2 million", "three hundred and seventy-five") to an int.

Word numbers go through ``text2num`` (wrapped so it never raises); the few idioms it does
not know ("a hundred", "two dozen", "half a dozen", "a couple of") are rewritten first.
Vague quantities ("dozens", "a few") and ordinals ("third") are *not* numbers here: they
return ``None`` and are handled by :mod:`deathtoll.extract.counts`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from text_to_num import text2num

#: Cardinal number words, the vocabulary ``counts`` uses to spot word numbers.
UNIT_WORDS: tuple[str, ...] = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)
TENS_WORDS: tuple[str, ...] = (
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
)
#: Multipliers that may follow a number word or digits.
SCALE_WORDS: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
}
_SUFFIX_SCALES: dict[str, int] = {
    **SCALE_WORDS, "mn": 1_000_000, "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000,
}

_WS = re.compile(r"[\s\u00a0\u202f]+")
_PLAIN = re.compile(r"\d+")
_GROUPED = re.compile(r"\d{1,3}(?:(?:,\d{3})+|(?:[ \u00a0\u202f]\d{3})+|(?:\.\d{3}){2,})")
_SCALED = re.compile(r"(\d+(?:[.,]\d+)?)\s*(million|mn|m|billion|bn|thousand|k|hundred)")
_DOZEN = re.compile(r"^(?:(half)\s+a|(a|an|one)|(.+?))\s+dozen$")
_A_SCALE = re.compile(r"^(?:a|an)\s+(?=hundred|thousand|million|billion)")
_VAGUE_OR_DANGLING = re.compile(r"\b(?:hundreds|thousands|millions|billions|dozens)\b|^and\b|\band$")
_COUPLE = re.compile(r"^a\s+couple(?:\s+of)?$")


def _digits(s: str) -> Optional[int]:
    """Digits with thousands separators, optionally scaled ("1.2 million", "2.5m")."""
    if _PLAIN.fullmatch(s):
        return int(s)
    if _GROUPED.fullmatch(s):
        return int(re.sub(r"\D", "", s))
    m = _SCALED.fullmatch(s)
    if m:
        num, scale = m.group(1), _SUFFIX_SCALES[m.group(2)]
        if "," in num:  # "1,5 million" (decimal comma) vs "1,500 million" (grouping)
            head, tail = num.split(",")
            num = f"{head}.{tail}" if len(tail) != 3 else head + tail
        return int(round(float(num) * scale))
    return None


def _text2num(s: str) -> Optional[int]:
    """``text2num`` that answers ``None`` instead of raising."""
    try:
        value = text2num(s, "en")
    except Exception:  # text2num raises bare ValueError/AssertionError/IndexError on junk
        return None
    return value if isinstance(value, int) and value >= 0 else None


def _words(s: str) -> Optional[int]:
    """Word numbers, including the idioms text2num does not know."""
    if _COUPLE.match(s):
        return 2
    m = _DOZEN.match(s)
    if m:
        if m.group(1):
            return 6
        if m.group(2):
            return 12
        times = _words(m.group(3))
        return None if times is None else times * 12
    s = _A_SCALE.sub("one ", s)
    if _VAGUE_OR_DANGLING.search(s):
        return None
    s = re.sub(r"\band\b", " ", s)
    s = _WS.sub(" ", s.replace("-", " ")).strip()
    if not s:
        return None
    # digits followed by a scale word ("3 hundred")
    m = re.fullmatch(r"(\d+) (hundred|thousand|million|billion)", s)
    if m:
        return int(m.group(1)) * SCALE_WORDS[m.group(2)]
    # text2num accepts "hundred" alone as 100; require a leading count word like English does
    if s.split(" ", 1)[0] in SCALE_WORDS:
        return None
    return _text2num(s)


@lru_cache(maxsize=4096)
def parse_number(text: str) -> Optional[int]:
    """The integer a written number means, or ``None`` when ``text`` is not one number.

    Accepts digits ("375", "18,000", "300 000", "1.2 million", "2.5m") and cardinal words
    ("twenty-five", "three hundred and seventy-five", "a hundred", "two dozen",
    "half a dozen", "a couple of"). Ordinals ("third"), vague words ("dozens", "a few"),
    decimals without a scale ("1.5") and anything else give ``None``. Never raises.
    """
    if not isinstance(text, str):
        return None
    s = _WS.sub(" ", text.strip().lower())
    if not s or len(s) > 120:
        return None
    if s[0].isdigit():
        value = _digits(s)
        return value if value is not None else _words(s)
    return _words(s)
