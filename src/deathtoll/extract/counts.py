"""The count grammar: every count phrase in a sentence, with the interval its wording allows.

``find_counts("Monitors said at least 375 captured soldiers were shot.")`` gives one
:class:`CountPhrase` for "at least 375" with ``low=375, high=None, value=375``.

How it works, in one pass over the text:

1. one compiled regex finds *atoms*: digits ("18,000", "2.5m", "300 000"), number words
   ("three hundred and seventy-five", "two dozen"), vague quantities ("dozens", "tens of
   thousands", "several hundred"), an indefinite article before a person noun ("a man"),
   and zero words ("no one", "nobody", "none");
2. each atom is widened into a phrase: a range ("between 20 and 30", "20-30", "two or
   three"), a qualifier before it ("at least", "some", "nearly" ...), after it ("or more",
   "160-plus", "160+") or trailing its noun ("40 prisoners at least");
3. phrases that are not counts are dropped: years, dates, times, ages, ordinals, decades,
   names ("Resolution 2254", "G20"), phone numbers, era years ("1,750 BC"), and numbers
   with a unit of measure (days, km, percent, money ...; kept only with ``include_units``).

All vocabularies and interval rules live in ``resources/quantities.json``.

Interval conventions (``low``/``high``; ``None`` = open or unknown bound):
exact N = [N, N]; "at least N" = [N, None]; "more than N" = [N+1, None]; "around N" =
[floor(0.9N), ceil(1.1N)]; "nearly N" = [floor(0.9N), N-1]; "up to"/"at most N" =
[None, N]; "fewer than N" = [None, N-1]; ranges = [a, b]; vague words per the data file.
``value`` is the point estimate and always lies inside the interval (for "more than 375"
it is 376); ``number`` keeps the figure as written (375). For a range ``value`` is its
lower end (the conservative reading monitors use).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator, Optional

from ..resources import load_json
from .numbers import SCALE_WORDS, TENS_WORDS, UNIT_WORDS, parse_number

__all__ = ["CountPhrase", "find_counts"]


@dataclass(frozen=True)
class CountPhrase:
    """One count phrase found in a text; offsets index the string given to :func:`find_counts`."""

    text: str
    start: int
    end: int
    low: Optional[int]
    high: Optional[int]
    value: Optional[int]
    qualifier: str
    head_start: int = -1  # where the word after the number starts ("375 captured soldiers" -> "captured")
    vague: bool = False
    number: Optional[int] = None  # the figure as written (375 in "more than 375"); None when vague
    unit: Optional[str] = None  # set only with include_units=True ("day", "km", "percent", "money" ...)


def _alt(words: Any) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any whitespace."""
    parts = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


class _Grammar:
    """Compiled patterns and vocabularies, built once from ``quantities.json``."""

    def __init__(self) -> None:
        d = load_json("quantities.json")
        self.rules: dict[str, dict] = d["qualifier_rules"]
        self.pre_map = {" ".join(k.split()): v for k, v in d["pre_qualifiers"].items()}
        self.post_map = d["post_qualifiers"]
        self.trail_map = d["trailing_qualifiers"]
        self.vague: dict[str, dict] = d["vague"]
        self.scales: dict[str, int] = {**d["vague_scales"], **d["plural_scales"]}
        self.units: dict[str, str] = d["units"]
        self.not_heads = frozenset(d["not_heads"])
        self.count_heads = frozenset(d["count_heads"]) | {p + "s" for p in d["person_nouns"]}
        self.year_before = frozenset(d["year_before"])
        self.change_verbs = frozenset(d["change_verbs"])
        self.currency = d["currency_symbols"]
        ci = re.IGNORECASE
        self.vague_base = {}
        for key, rule in self.vague.items():
            for form in rule["forms"]:
                self.vague_base[" ".join(form.split()[:-1] if form.endswith(" of") else form.split())] = key
        self.of_required = {
            key for key, rule in self.vague.items() if all(f.endswith(" of") for f in rule["forms"])
        }
        word = _alt((*UNIT_WORDS, *TENS_WORDS, *SCALE_WORDS, "dozen"))
        scale_alt = _alt(self.scales)
        zero_heads = _alt(d["zero_heads"])
        persons = _alt(d["person_nouns"])
        self.atoms = re.compile(
            rf"""
            (?P<none>\bno(?:\s+|-)one\b|\bnobody\b|\bnone\b|\bno(?=\s+(?:{zero_heads})\b))
            |(?P<vague>(?<!\bas\s)(?<!\bhow\s)(?<!\bso\s)(?<!\btoo\s)
                \b(?P<vbase>{_alt(self.vague_base)})\b
                (?:\s+(?:of\s+)?(?P<vscale>{scale_alt})\b)?)
            |(?P<words>\b(?:a\s+couple(?:\s+of)?
                |(?:(?:half\s+)?an?\s+(?=(?:dozen|hundred|thousand|million|billion)\b))?
                 (?:{word})(?:(?:\s+|-)(?:{word})|(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+(?:{word}))*
                )\b)
            |(?P<indef>\ban?\s+(?P<adj>(?:[\w'-]+\s+){{0,{int(d['indefinite_adjectives_max'])}}}?)(?P<pn>{persons})\b(?!-\w))
            |(?P<digits>(?<![\w.,/:])(?P<num>\d[\d,.:/]*\d|\d)(?P<grp>(?:[ \u00a0\u202f]\d{{3}}(?![\d,.]\d))*)
                (?P<suf>[A-Za-z%]*)(?:\s+(?P<dscale>hundred|thousand|million|billion)\b)?)
            """,
            ci | re.VERBOSE,
        )
        self.blocked = re.compile(
            r"\+\d[\d ().-]{6,}\d|\(\d{2,4}\)\s*\d[\d -]{4,}\d|\b\d{3}[-.]\d{3}[-.]\d{4}\b"  # phones
            r"|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b"  # numeric dates
            r"|\b\d{1,2}[:h]\d{2}(?::\d{2})?\b"  # times
        )
        self.pre_max = max(len(k.split()) for k in self.pre_map)
        self.pre_lasts = frozenset(k.split()[-1] for k in self.pre_map)
        self.range_conn = re.compile(r"\s*(?:-|\u2013|\u2014)\s*|\s+(?:to|and|or)\s+", ci)
        post = _alt(k for k in self.post_map if k not in ("plus", "+"))
        self.post_q = re.compile(rf"\s*-?\s*(?P<plus>plus)\b|(?P<sign>\+)|\s+(?P<q>{post})\b", ci)
        self.trail_q = re.compile(
            rf"((?:\s+(?!at\b)[A-Za-z][\w'-]*){{0,3}}?),?\s+(?P<q>{_alt(self.trail_map)})\b", ci
        )
        units = _alt(k for k in self.units if k != "%")
        self.unit_after = re.compile(rf"(?:\s*-\s*|\s*)(?P<u>%|(?:{units})(?![\w-]))", ci)
        self.unit_after_hyphen_ok = re.compile(rf"(?:\s*-\s*|\s+)(?P<u>(?:{units}))-", ci)
        self.months = frozenset(d["months"])
        self.weekdays = frozenset(d["weekdays"])
        self.month_after = re.compile(r"(?:st|nd|rd|th)?\s*(?:of\s+)?(?:" + "|".join(d["months"]) + r")\b")
        self.era_after = re.compile(rf"\s*(?:{_alt(d['era_markers'])})(?![\w])", ci)
        self.age_before = frozenset(" ".join(a.lower().split()) for a in d["age_before"])
        self.age_lasts = frozenset(k.split()[-1] for k in self.age_before)
        self.age_after = re.compile(rf"\s*-?\s*(?:{_alt(d['age_after'])})\b", ci)
        self.name_before = frozenset(d["name_prefixes"])
        self.person_nouns = frozenset(d["person_nouns"])
        self.age_app_before = frozenset(d["age_apposition_before"])
        self.age_app_max = int(d["age_apposition_max"])
        self.age_app_skip = frozenset(d["age_apposition_skip"])
        self.that_verbs = frozenset(d["that_complement_verbs"])
        self.hedged_ages = re.compile(
            rf"\b([\w'-]+),\s+(?:{_alt(d['age_hedges'])})\s+(?:{_AGE_WORD}\s*(?:,|and|or|to|-)\s*)*$", ci
        )
        self.age_people = self.count_heads - frozenset(d["not_heads"]) - {
            "dead", "killed", "deaths", "fatalities", "casualties", "bodies", "corpses", "injured", "wounded", "others", "more", "of"
        } | frozenset(d["person_nouns"])
        self.clock_after = re.compile(rf"\s*(?:{_alt(d['clock_markers'])})(?![\w])", ci)
        self.population_before = frozenset(" ".join(a.lower().split()) for a in d["population_before"])
        self.population_lasts = frozenset(k.split()[-1] for k in self.population_before)
        self.caliber_before = frozenset(d["caliber_before"])
        self.age_app_after = re.compile(
            rf"\s*(?:[,;)]|\.(?:\s|$)|$)|\s+(?:{_alt(d['age_apposition_verbs'])})\b(?!\s+(?:{_alt(d['count_heads'])})\b)", ci
        )
        self.gallery = frozenset(d["gallery_words"])
        self.emergency = frozenset(d["emergency_numbers"])
        self.emergency_context = frozenset(d["emergency_context"])
        self.triggers = frozenset(
            {"no", "nobody", "none", "a", "an", "half", *UNIT_WORDS, *TENS_WORDS}
            | {b.split()[0] for b in self.vague_base}
        )
        self.word_after = re.compile(r"\s*(?:-\s*)?([A-Za-z][\w'-]*)")
        self.ordinal_after = re.compile(r"-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|\w*ths?|thirds?|halves|half)\b", ci)
        self.of_after = re.compile(r"\s+of\b", ci)
        self.head_skip = re.compile(r"\s+of\s+(?:the\s+)?", ci)


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    return _Grammar()


def _interval(rule: dict, n: int) -> tuple[Optional[int], Optional[int], int]:
    """(low, high, value) for ``n`` under one qualifier rule; low <= value <= high always."""
    low = None if rule["low"] is None else max(0, math.floor(rule["low"][0] * n + 1e-9) + rule["low"][1])
    high = None if rule["high"] is None else max(0, math.ceil(rule["high"][0] * n - 1e-9) + rule["high"][1])
    if low is not None and high is not None and low > high:
        low = high
    value = n
    if low is not None and value < low:
        value = low
    if high is not None and value > high:
        value = high
    return low, high, value


@dataclass
class _Atom:
    kind: str  # "num", "vague", "indef", "none"
    start: int
    end: int
    value: Optional[int] = None
    qualifier: str = "exact"
    m: Optional[re.Match] = None
    head: int = -1
    hyphenated: bool = False  # "-30" glued to a word before it ("Su-24") unless a range takes it


def _digit_atom(g: _Grammar, s: str, m: re.Match) -> Optional[_Atom]:
    """An atom for a digit match, or None when the token is not a count (ordinal, decimal ...)."""
    num, grp, suf, dscale = m.group("num"), m.group("grp"), m.group("suf"), m.group("dscale")
    if ":" in num or "/" in num or num.count(".") > 1 and not re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", num):
        return None
    sl = suf.lower()
    text = num + grp
    if sl in ("m", "mn", "bn", "k", "million", "billion", "thousand"):
        if sl in ("m", "k") and "." not in num and "," not in num:
            return None  # "5m" is five metres far more often than five million
        text = f"{num} {sl}"
        end = m.start("suf") + len(suf)
    elif sl and sl != "%" and sl not in g.units:
        return None  # "16th", "1990s", "4x4", "MH17"-like tails
    else:
        end = m.end("grp") if not dscale else m.end()
        if dscale:
            text = f"{num} {dscale.lower()}"
        elif sl in g.units or sl == "%":
            end = m.end("grp")  # the unit is picked up by the unit check
    value = parse_number(text)
    if value is None:
        return None
    start = m.start("num")
    hyph = start >= 2 and s[start - 1] in "-\u2013" and s[start - 2].isalnum()
    return _Atom("num", start, end, value, "exact", m, hyphenated=hyph)


class _Before:
    """The words right before an offset (nearest last), for qualifier and context checks.

    Cheaper than searching the text with ``...$``-anchored regexes: one slice, one split.
    ``glued`` is the non-space text stuck to the offset ("$" in "$5", "Su-" in "Su-24").
    """

    __slots__ = ("s", "window", "lo", "words", "glued")

    def __init__(self, s: str, pos: int) -> None:
        self.s = s
        self.lo = max(0, pos - 60)
        self.window = s[self.lo:pos]
        words = self.window.split()
        if self.window and not self.window[-1].isspace():
            self.glued = words.pop() if words else ""
        else:
            self.glued = ""
        self.words = words[-5:]

    def last(self, k: int = 1) -> str:
        """The k-th word back, lower-cased ("" when there is none)."""
        return self.words[-k].lower() if len(self.words) >= k else ""

    def suffix(self, table: Any, max_words: int, lasts: Any = None) -> Optional[str]:
        """The longest run of final words found in ``table`` (lower-cased, single-spaced).

        ``lasts`` (the set of the table's final words) lets most calls stop after one lookup.
        """
        if lasts is not None and self.last().lstrip("(\"'\u201c\u2018[") not in lasts:
            return None
        for k in range(min(max_words, len(self.words)), 0, -1):
            key = " ".join(self.words[-k:]).lower().lstrip("(\"'\u201c\u2018[")
            if key in table:
                return key
        return None

    def start_of(self, key: str) -> int:
        """Offset where the final words spelling ``key`` begin."""
        w = self.window[: len(self.window) - len(self.glued)].rstrip()
        i = len(w)
        for word in reversed(key.split()):
            i = w.lower().rfind(word, 0, i)
        return self.lo + max(i, 0)


def _candidates(g: _Grammar, s: str) -> Iterator[int]:
    """Offsets where an atom may start: digits and trigger words at a token start, digits after a dash.

    Splitting on whitespace and testing set membership is several times faster than letting
    the atom pattern (or a trigger-word regex) scan every position.
    """
    low = s.lower()
    if len(low) != len(s):  # a few characters lower-case to two ("\u0130"); keep offsets exact
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in s)
    find = low.find
    triggers = g.triggers
    pos = 0
    for tok in low.split():
        at = find(tok, pos)
        pos = at + len(tok)
        if tok.isalpha():  # the common case: a plain word
            if tok in triggers:
                yield at
            continue
        core = tok.lstrip(_OPENERS)
        if not core:
            continue
        off = pos - len(core)
        if core[0].isdigit():
            yield off
        else:
            word = core.rstrip(_CLOSERS)
            if "-" in word:
                word = word.split("-", 1)[0]
            if word in triggers:
                yield off
        if "-" in core or "\u2013" in core or "\u2014" in core:
            for i in range(1, len(core) - 1):
                if core[i] in "-\u2013\u2014" and core[i + 1].isdigit():
                    yield off + i + 1


_OPENERS = "(\"'[\u201c\u2018$\u20ac\u00a3#~"
_CLOSERS = ".,;:!?\"')]\u201d\u2019"


def _atoms(g: _Grammar, s: str) -> list[_Atom]:
    """All atoms in ``s``, left to right (the atom pattern is tried only at candidate offsets)."""
    blocked: list[tuple[int, int]] = []
    if _BLOCK_HINT.search(s):
        blocked = [(b.start(), b.end()) for b in g.blocked.finditer(s)]
    out: list[_Atom] = []
    cursor = 0
    for at in _candidates(g, s):
        if at < cursor:
            continue
        m = g.atoms.match(s, at)
        if m is None:
            continue
        cursor = m.end()
        if blocked and any(a < m.end() and m.start() < b for a, b in blocked):
            continue
        atom = _atom(g, s, m)
        if atom is not None:
            out.append(atom)
    return out


def _atom(g: _Grammar, s: str, m: re.Match) -> Optional[_Atom]:
    """Classify one match of the atom pattern."""
    if m.group("none") is not None:
        return _Atom("none", m.start(), m.end(), 0, "none", m)
    if m.group("vague") is not None:
        return _Atom("vague", m.start(), m.end(), None, "", m)
    if m.group("words") is not None:
        txt = m.group("words")
        value = parse_number(txt)
        if value is None or g.ordinal_after.match(s, m.end()):
            return None
        if txt.lower() == "one" and _one_is_pronoun(s, m):
            return None
        return _Atom("num", m.start(), m.end(), value, "around" if "dozen" in txt.lower() else "exact", m)
    if m.group("indef") is not None:
        adj = m.group("adj").lower().split()
        if any(w in g.not_heads or w in g.count_heads for w in adj):
            return None
        if _Before(s, m.start()).last() == "as":
            return None  # "charged as an adult", "tried as a juvenile": a role, not a victim
        return _Atom("indef", m.start(), m.end(), 1, "exact", m, head=m.start("pn"))
    return _digit_atom(g, s, m)


_BLOCK_HINT = re.compile(r"\d\s?[:/.\-]\s?\d|[+(]\s?\d|\d[h:]\d")
_NOT_ONE_BEFORE = frozenset(
    {"this", "that", "which", "any", "every", "each", "some", "no", "the", "only", "another", "by"}
)


def _one_is_pronoun(s: str, m: re.Match) -> bool:
    """"one another", "one by one", "this one": the word "one" that is not a count."""
    after = s[m.end(): m.end() + 12].lower()
    if after.startswith((" another", " by one", "-on-one", " on one", "-off")):
        return True
    before = _Before(s, m.start())
    if before.last() == "that" and before.last(2).rstrip(",") in _grammar().that_verbs:
        return False  # "police confirmed that one is dead": "that" opens a clause
    return before.last() in _NOT_ONE_BEFORE


def _word_after(g: _Grammar, s: str, pos: int) -> tuple[str, int]:
    m = g.word_after.match(s, pos)
    return (m.group(1).lower(), m.start(1)) if m else ("", -1)


def _head(g: _Grammar, s: str, pos: int) -> int:
    """Offset of the content word right after ``pos`` (skipping "of (the)"), or -1."""
    skip = g.head_skip.match(s, pos)
    if skip:
        pos = skip.end() - 1
    word, at = _word_after(g, s, pos)
    if not word or word in g.not_heads:
        return -1
    return at


def _is_year(g: _Grammar, s: str, atom: _Atom, end: int) -> bool:
    """A bare four-digit 1800-2100 figure reads as a year unless a count noun follows it."""
    if atom.m is None or atom.m.group("digits") is None or atom.m.group("grp"):
        return False
    num = atom.m.group("num")
    if not (len(num) == 4 and num.isdigit() and 1800 <= int(num) <= 2100):
        return False
    if _Before(s, atom.start).last() in g.year_before:  # "in 2014", "since 2011", "from 2011"
        return True
    return _word_after(g, s, end)[0] not in g.count_heads


def _age_apposition(g: _Grammar, s: str, before: _Before, end: int, atoms: list[_Atom]) -> bool:
    """"Calvin Smith, 24 was shot", "Ana Ruiz, 20; Jose Ruiz, 31", "the man, 76.", "both 35,":
    a small number set off by a comma after a name or a person noun (or after "both") and
    closed by punctuation or a singular verb is a person's age, not a count."""
    if len(atoms) != 1 or atoms[0].value is None or atoms[0].value > g.age_app_max or before.glued:
        return False
    prev = before.words[-1] if before.words else ""
    if prev.lower() in g.age_app_skip and len(before.words) > 1 and before.words[-2].endswith(","):
        prev = before.words[-2]  # "Tom Smith, also 18."
    if prev.endswith(","):
        word = prev[:-1].strip("\"'\u201d\u2019)")
        # "Jamie clayton, 22 was shot": a name whose surname lost its capital still follows a given name
        named = len(before.words) > 1 and before.words[-2][:1].isupper() and word.isalpha()
        if not word or not (word[0].isupper() or word.lower() in g.person_nouns or named):
            return False
    elif prev.lower() not in g.age_app_before:
        return False
    return g.age_app_after.match(s, end) is not None


def _caption_or_phone(g: _Grammar, s: str, before: _Before, end: int, atoms: list[_Atom]) -> bool:
    """"Image 2 of 8", "1 / 8" (gallery counters) and "called 911", "a 911 call" (phone numbers)."""
    if before.glued.endswith("/") or before.last() == "/" or re.match(r"\s*/\s*\d", s[end : end + 6]):
        return True
    if before.last() in g.gallery or (
        before.last() == "of" and before.last(2).isdigit() and before.last(3) in g.gallery
    ):
        return True
    first = atoms[0]
    if s[first.start : first.end] in g.emergency:
        nxt = _word_after(g, s, end)[0]
        return before.last() in g.emergency_context or nxt in g.emergency_context
    return False


#: the later figures of an age list ("ages 17, 19 and 20", "aged 4 to 9"), up to the figure
_AGE_WORD = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen)"
_AGE_LIST = re.compile(rf"\b(?:ages|aged)\s+{_AGE_WORD}(?:\s*(?:,|and|or|to|-)\s*{_AGE_WORD})*\s*(?:,|and|or|to|-)\s*$", re.I)


def _hedged_age(g: _Grammar, s: str, start: int) -> bool:
    """"two women, believed to be 30 and 60, were found": figures after a hedge set off by a
    comma after a word for people are their (uncertain) ages."""
    m = g.hedged_ages.search(s, max(0, start - 80), start)
    return m is not None and m.group(1).lower() in g.age_people


_DATE_AT_END = re.compile(r"\s*(?:[.,;:]\s*)?$")


def _excluded(g: _Grammar, s: str, before: _Before, end: int, atoms: list[_Atom]) -> bool:
    """Dates, ages, era years, names and years: phrases that are not counts at all."""
    if not any(a.kind == "num" for a in atoms):
        return False
    if _age_apposition(g, s, before, end, atoms) or _caption_or_phone(g, s, before, end, atoms):
        return True
    prev = before.words[-1].rstrip(".,") if before.words and not before.glued else ""
    if prev in g.months or g.month_after.match(s, end):
        return True
    if prev.lower() in g.weekdays and _DATE_AT_END.match(s, end) and all(a.value is not None and a.value <= 31 for a in atoms):
        return True  # "AFP Sunday 14" closing a cut dateline ("Sunday 14 Sep 2014"): a day of the month
    if before.suffix(g.age_before, 4, g.age_lasts) or g.age_after.match(s, end):
        return True
    if _AGE_LIST.search(s, max(0, atoms[0].start - 40), atoms[0].start):
        return True  # "three men, ages 17, 19 and 20": every figure of the list is an age
    if _hedged_age(g, s, atoms[0].start):
        return True
    if g.era_after.match(s, end) or prev in ("AD", "A.D", "CE") or g.clock_after.match(s, end):
        return True
    if _calibre(g, before, atoms):
        return True
    if _possessed_bare_number(s, before, end):
        return True
    if before.glued:
        if before.glued[-1] == "#":
            return True
    elif before.last().rstrip("-") in g.name_before:
        return True
    return any(_is_year(g, s, a, end) for a in atoms)


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "my", "our", "your", "its"})
_PHRASE_CLOSES = re.compile(r"\s*(?:[.,;:!?)\]\u201d\"]|$)")


def _is_possessor(word: str) -> bool:
    w = word.lower().strip("\"'\u201c\u2018(")
    return w in _POSSESSIVE_PRONOUNS or w.endswith(("'s", "\u2019s"))


def _possessed_bare_number(s: str, before: _Before, end: int) -> bool:
    """A number owned by someone and ending its phrase ("his sister's sweet sixteen",
    "in her fifty-five"): a birthday, an age or a name, not a count of people (a count of
    people names them or stands before a verb: "the city's 16 victims", "their three
    were killed")."""
    if before.glued or not before.words or not _PHRASE_CLOSES.match(s, end):
        return False
    last = before.words[-1]
    if _is_possessor(last):
        return True
    return len(before.words) >= 2 and last.isalpha() and last.islower() and _is_possessor(before.words[-2])


def _population(g: _Grammar, before: _Before) -> bool:
    """"a town of 1,200", "a population of about 18,000": the figure sizes a place or a crowd."""
    if before.glued:
        return False
    words = [w.lower().lstrip("(\"'\u201c") for w in before.words]
    for k in range(min(3, len(words)), 0, -1):  # drop a pre-qualifier ("about", "more than") first
        if " ".join(words[-k:]) in g.pre_map:
            words = words[:-k]
            break
    for k in range(min(3, len(words)), 0, -1):
        if " ".join(words[-k:]) in g.population_before:
            return True
    return False


def _calibre(g: _Grammar, before: _Before, atoms: list[_Atom]) -> bool:
    """"find a 357", "a 45 in his waistband": a lone bare figure right after "a"/"an" names a
    thing (a gun calibre, a model), not a group of people; "a 2-year-old" is an age, handled apart."""
    if len(atoms) != 1 or before.glued or before.last() not in g.caliber_before:
        return False
    m = atoms[0].m
    if m is None or m.group("digits") is None or m.group("dscale") or m.group("suf"):
        return False
    return _word_after(g, m.string, atoms[0].end)[0] not in g.count_heads


def _unit(g: _Grammar, s: str, before: _Before, end: int, m: Optional[re.Match]) -> Optional[str]:
    """The unit of measure a number carries ("48 hours", "5km", "$5 million", "10%"), if any."""
    if m is not None and m.group("digits") is not None:
        suf = m.group("suf").lower()
        if suf == "%":
            return "percent"
        if suf in g.units and suf not in ("m", "k"):
            return g.units[suf]
    mark = before.glued or (before.words[-1] if before.words else "")
    if mark and (mark[-1] in g.currency or mark in ("US", "USD", "EUR", "GBP")):
        return "money"
    if _population(g, before):
        return "population"
    u = g.unit_after.match(s, end) or g.unit_after_hyphen_ok.match(s, end)
    if u:
        key = " ".join(u.group("u").lower().split())
        return g.units.get(key, key)
    return None


def _vague(g: _Grammar, atom: _Atom, convention: str) -> tuple[Optional[int], Optional[int], Optional[int], str, str]:
    """(low, high, best, qualifier, key) for a vague atom."""
    m = atom.m
    assert m is not None
    key = g.vague_base[" ".join(m.group("vbase").lower().split())]
    rule = g.vague[key]
    scale_word = (m.group("vscale") or "").lower()
    scale = g.scales.get(scale_word, 1)
    qualifier = key if not scale_word else f"{key} {'of ' if key.endswith('s') else ''}{scale_word}"
    if convention == "acled":
        v = rule["acled"] * scale
        return v, v, v, qualifier, key
    low = rule["low"] * scale
    high = None if rule["high"] is None else (rule["high"] + 1) * scale - 1
    return low, high, rule["best"] * scale, qualifier, key


def find_counts(
    sentence: str, *, include_units: bool = False, convention: str = "default"
) -> list[CountPhrase]:
    """Every count phrase in ``sentence`` (usually one sentence), left to right.

    ``include_units`` also returns numbers that measure something else ("48 hours",
    "2,000 metres", "10 percent", "$5 million") with ``unit`` set; by default they are
    dropped. ``convention="acled"`` reads vague words as ACLED's point figures
    ("dozens" = 12) instead of our intervals. Never raises on any string.
    """
    if not isinstance(sentence, str) or not sentence:
        return []
    g = _grammar()
    atoms = _atoms(g, sentence)
    out: list[CountPhrase] = []
    i = 0
    while i < len(atoms):
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        cp, used_next = _phrase(g, sentence, atoms[i], nxt, include_units, convention)
        i += 2 if used_next else 1
        if cp is not None:
            out.append(cp)
    return out


def _vague_phrase(g: _Grammar, s: str, atom: _Atom, include_units: bool, convention: str) -> Optional[CountPhrase]:
    """A vague quantity, with "at least"/"up to"-style qualifiers opening one side."""
    start, end = atom.start, atom.end
    low, high, value, qualifier, key = _vague(g, atom, convention)
    if key in g.of_required and not atom.m.group("vscale") and not g.of_after.match(s, end):  # type: ignore[union-attr]
        return None  # "tens" / "scores" are only quantities in "tens of", "scores of"
    before = _Before(s, start)
    pq = before.suffix(g.pre_map, g.pre_max, g.pre_lasts) if not before.glued else None
    if pq and convention != "acled":
        q = g.pre_map[pq]
        if q in ("at least", "more than"):
            high, start = None, before.start_of(pq)
        elif q in ("up to", "at most", "fewer than"):
            low, start = None, before.start_of(pq)
    unit = _unit(g, s, before, end, None)
    if unit and not include_units:
        return None
    return CountPhrase(s[start:end], start, end, low, high, value, qualifier, _head(g, s, end), True, None, unit)


def _phrase(
    g: _Grammar, s: str, atom: _Atom, nxt: Optional[_Atom], include_units: bool, convention: str
) -> tuple[Optional[CountPhrase], bool]:
    """Widen one atom (and maybe the next, for a range) into a count phrase; True if it used ``nxt``."""
    start, end = atom.start, atom.end
    if atom.kind == "none":
        head = _head(g, s, end) if s[start:end].lower() == "no" else -1
        return CountPhrase(s[start:end], start, end, 0, 0, 0, "none", head, False, 0), False
    if atom.kind == "indef":
        return CountPhrase(s[start:end], start, end, 1, 1, 1, "exact", atom.head, False, 1), False
    if atom.kind == "vague":
        return _vague_phrase(g, s, atom, include_units, convention), False
    if atom.hyphenated:
        return None, False
    before = _Before(s, start)
    used_next = False
    parts = [atom]
    low = high = None
    qualifier = atom.qualifier
    n = atom.value
    assert n is not None
    # --- ranges: "between 20 and 30", "20-30", "20 to 30", "two or three"
    if nxt is not None and nxt.kind == "num" and nxt.value is not None and nxt.value > n:
        conn = g.range_conn.fullmatch(s, end, nxt.start)
        if conn:
            word = conn.group(0).strip().lower()
            rp = before.last() if before.last() in ("between", "from") and not before.glued else ""
            ok = True
            if word == "and":
                ok = rp == "between" or bool(before.suffix(g.age_before, 4, g.age_lasts))
            elif word == "to" and rp == "from":
                ok = before.last(2) not in g.change_verbs  # "rose from 12 to 19": two figures
            if ok:
                parts.append(nxt)
                used_next = True
                low, high, end, qualifier = n, nxt.value, nxt.end, "between"
                if rp and (rp == "between" or word != "and"):
                    start = before.start_of(rp)
                    before = _Before(s, start)
    if _excluded(g, s, before, end, parts):
        return None, used_next
    unit = _unit(g, s, before, end, parts[-1].m)
    if unit and not include_units:
        return None, used_next
    span_end = head_from = end
    if qualifier == "between":
        value = low
    else:
        rule_name = qualifier
        pq = before.suffix(g.pre_map, g.pre_max, g.pre_lasts) if not before.glued else None
        if pq:
            rule_name = g.pre_map[pq]
            start = before.start_of(pq)
        else:
            post = g.post_q.match(s, end)
            if post and (post.group("plus") or post.group("sign")):
                rule_name = g.post_map["plus"]
                span_end = head_from = post.end()
            elif post and post.group("q"):
                rule_name = g.post_map[" ".join(post.group("q").lower().split())]
                span_end = head_from = post.end()
            else:
                tr = g.trail_q.match(s, end)
                if tr and "," not in tr.group(1):
                    rule_name = g.trail_map[" ".join(tr.group("q").lower().split())]
                    span_end = tr.end()  # "40 prisoners at least": the head stays "prisoners"
        low, high, value = _interval(g.rules[rule_name], n)
        qualifier = rule_name
    head = _head(g, s, head_from)
    return CountPhrase(s[start:span_end], start, span_end, low, high, value, qualifier, head, False, n, unit), used_next
