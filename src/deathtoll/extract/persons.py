"""People a report names as victims or suspects: the strongest clue that two reports of a
local shooting describe the same incident ("Jane Roe, 23," in both).

Officials, spokespeople and bylines are left out (``resources/person_roles.json``): one
sheriff speaks about many incidents. Names come from spaCy PERSON entities (of whatever
part of the text was parsed) and from the age patterns of news style, which need no parse.
Each name is returned as a key ``"first last"``: case-folded, middle initials, suffixes
and possessives dropped, so "Jacob A. Stahl's" and "JACOB STAHL" meet.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable, Optional

from ..resources import load_json

_WORD = r"[A-Z][a-zA-Z'’\-]*[a-z]"
_NAME = rf"{_WORD}(?:\s+[A-Z]\.)?(?:\s+{_WORD}){{1,2}}"
#: "Jane Roe, 23," / "Jane Roe, 23 was" and "23-year-old Jane Roe"
_AGED_AFTER = re.compile(rf"\b({_NAME}),\s+\d{{1,2}}\b(?!\s*(?:%|percent|years? (?:ago|later|after)))")
_AGED_BEFORE = re.compile(rf"\b\d{{1,2}}-year-old\s+(?:[a-z]+\s+){{0,2}}({_NAME})\b")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_NOT_FIRST = frozenset(
    "the a an and but in on at of for from with by to police county city state north south east west new st saint "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december".split()
)


@lru_cache(maxsize=1)
def _roles() -> tuple[frozenset[str], tuple[str, ...]]:
    data = load_json("person_roles.json")
    return frozenset(data["roles"]), tuple(data["after_roles"])


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def person_key(name: str) -> Optional[str]:
    """``"first last"`` for a written name, or None when it is not a two-part name."""
    words = [w.strip(".,;:'’\"") for w in name.replace("’s", "").replace("'s", "").split()]
    words = [w for w in words if w and not (len(w) == 1 and w.isalpha()) and _fold(w) not in _SUFFIXES]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    first, last = _fold(words[0]), _fold(words[-1])
    if first in _NOT_FIRST or last in _NOT_FIRST or len(first) < 2 or len(last) < 2:
        return None
    return f"{first} {last}"


def _role_holder(text: str, start: int, end: int) -> bool:
    """Whether a role word or a byline marks the name at ``text[start:end]`` as an official's."""
    roles, after_roles = _roles()
    before = re.findall(r"[A-Za-z]+", text[max(0, start - 30):start])
    if before and before[-1].casefold() in roles:
        return True
    if len(before) >= 2 and before[-2].casefold() in roles and before[-1][:1].isupper():
        return True  # "Police Chief Ann Lee", "Sheriff's Deputy Ann Lee"
    tail = text[end:end + 40].lstrip(" ,").casefold()
    return any(tail.startswith(r) for r in after_roles)


def find_persons(text: str, entities: Iterable[tuple[int, int]] = ()) -> tuple[str, ...]:
    """Victim/suspect name keys in ``text``, in order of first appearance, no duplicates.

    ``entities``: (start, end) offsets of PERSON entities a parser found (optional).
    """
    spans: list[tuple[int, int]] = list(entities)
    for rx in (_AGED_AFTER, _AGED_BEFORE):
        spans.extend(m.span(1) for m in rx.finditer(text))
    found: dict[str, int] = {}
    for start, end in spans:
        if _role_holder(text, start, end):
            continue
        key = person_key(text[start:end])
        if key is not None and key not in found:
            found[key] = start
    return tuple(sorted(found, key=found.__getitem__))


#: "a 4-year-old", "the 17 year old boy", "Jane Roe, 23," (the last through ``_AGED_AFTER``)
_AGE = re.compile(r"\b(\d{1,2})(?:-|\s)(?:years?|yrs?)(?:-|\s)old\b", re.IGNORECASE)


def find_ages(text: str) -> tuple[int, ...]:
    """The ages a report gives its people ("a 4-year-old boy", "Jane Roe, 23,"), sorted, no
    duplicates: two reports of one local shooting nearly always describe the victim the same way."""
    ages = {int(m.group(1)) for m in _AGE.finditer(text)}
    for m in _AGED_AFTER.finditer(text):
        if not _role_holder(text, *m.span(1)):
            ages.add(int(m.group(0).rsplit(",", 1)[1]))
    return tuple(sorted(a for a in ages if a > 0))
