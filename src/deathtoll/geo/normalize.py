"""String folding for toponyms: one exact *fold* and one loose *canonical key*.

``fold`` is what a careful reader would call "the same spelling": case, diacritics,
apostrophes and hyphen/space differences removed. ``canonical_key`` is deliberately
lossy so that common transliteration variants of (mostly Arabic) names meet:
"Ar-Raqqa" / "Ar Raqqah" / "Raqqa" / "Raqa", "Deir ez-Zor" / "Deir Ezzor" /
"Dayr az Zawr" / "Deir al-Zour", "Tadmur" / "Tadmor". An exact fold match always
ranks above a canonical-only match, so the lossiness only widens recall.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

from deathtoll.geo.rules import ARTICLES

# apostrophes and ayn/hamza marks vanish; every other non-alphanumeric character becomes a space
_FOLD_TABLE: dict[int, str | None] = {c: " " for c in range(128) if not chr(c).isalnum()}
_FOLD_TABLE.update({ord(c): None for c in "'`´’‘ʿʾʻʼ"})
# glued sun-letter article: "Ezzor" -> "zor", "Arraqqa" -> "raqqa"
_GLUED_ARTICLE = re.compile(r"^[ae]([tdrzsn])\1(?=[a-z]{2})")
_DOUBLED = re.compile(r"([a-z])\1+")
#: ordered, lossy vowel rewrites applied to the joined key (plain substring replacement)
_VOWELS: tuple[tuple[str, str], ...] = (
    ("ou", "u"), ("oo", "u"), ("aw", "u"), ("o", "u"), ("ei", "e"), ("ey", "e"), ("ay", "e"), ("ai", "e"),
)


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Case-, diacritic- and punctuation-folded form: "Ḩimş" -> "hims", "Ar-Raqqa" -> "ar raqqa"."""
    s = name if name.isascii() else unidecode(name)
    return " ".join(s.lower().translate(_FOLD_TABLE).split())


def _key_of_fold(folded: str) -> str:
    tokens = [t for t in folded.split() if t not in ARTICLES]
    if not tokens:  # a name that is only an article: keep it as is
        return folded.replace(" ", "")
    tokens = [_GLUED_ARTICLE.sub(r"\1", t) if t[0] in "ae" else t for t in tokens]
    key = "".join(tokens).replace("q", "k")
    for old, new in _VOWELS:
        if old in key:
            key = key.replace(old, new)
    key = _DOUBLED.sub(r"\1", key)
    if len(key) > 3 and key[-1] == "h":
        key = key[:-1]
    if len(key) > 4 and key[-1] in "aeiu":
        key = key[:-1]
    return key


@lru_cache(maxsize=65536)
def canonical_key(name: str) -> str:
    """Lossy key on which transliteration variants of one name meet (see module doc)."""
    return _key_of_fold(fold(name))


def fold_and_key(name: str) -> tuple[str, str]:
    """Both forms at once, without the caches (used while building the index)."""
    s = name if name.isascii() else unidecode(name)
    f = " ".join(s.lower().translate(_FOLD_TABLE).split())
    return f, _key_of_fold(f)
