"""Which parts of a report are worth parsing.

A report of a killing names it in a few of its sentences; the rest is reaction,
background and quotes. Parsing costs grow with the number of tokens, and spaCy
parses a run of whitespace as one token, nearly for free. ``focus_text`` keeps the
characters of the sentences the extraction rules read and blanks every other
character with a space (line breaks are kept), so the text parsed has the same
length as the report and every offset in the parse is an offset in the report.

Kept (``FocusRules``; defaults measured in ``bench/throughput.py``):

- the lead: the first ``lead`` sentences (headline, dateline, first sentence set the
  scene: the place, the day, the main actor), which the rules use as context;
- every sentence with a casualty trigger (the same whole-word trigger regex as the
  document prefilter, so nothing the rules could read is dropped);
- the sentence right after a trigger sentence when it speaks of a toll
  ("Some reports put the number at around 250.");
- the nearest sentence before a trigger sentence (within ``date_lookback``) that
  names an absolute date or a weekday, so narrative time ("On 24 August ... Later,
  ...") survives;
- the sentence before a kept one when it is short or ends in an abbreviation, which
  is usually a wrong split ("Mr." / "U.S." before "Marines killed ...").

Sentences here are found by a cheap regex (end punctuation before a capital, or a
line break). It only decides what to blank; spaCy still decides the sentences of the
parse.

Headlines (``headline_case``): a title-case headline that lost its punctuation
("Twin Bomb Attacks Kill 50 Injure Dozens in Homs Province") reads to the parser as
one long proper noun. In a title-case run that names a casualty trigger, the words
the lexicons know as ordinary words (triggers, event and victim nouns, quantity and
function words) are lower-cased; names never are. Lower-casing keeps every offset,
but the parse then differs from the report in case: quotes and names are sliced from
the report's text, never taken from the parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import resources
from .caseless import for_matching

#: sentence ends: . ! ? (with closing quotes/brackets) then space and a capital, digit or quote
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\s*")
#: AP state abbreviations ("TAMPA, Fla. - A boy"), from the same resource geo reads
_STATE_ABBREVIATIONS = sorted(
    {a.rstrip(".") for row in resources.load_tsv("geo_us_states.tsv") for a in row["ap"].split("|") if a.endswith(".")}
)
#: a period after these is an abbreviation, not a sentence end ("Mr. Smith", "U.S. forces",
#: "TAMPA, Fla. - A boy", "John F. Kennedy")
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-Z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|St|Mt|Ft|Gen|Col|Lt|Sgt|Capt|Maj|Cpl|Pvt|Adm|Brig|Rep|Sen|Gov|Prof|Rev"
    r"|Det|Insp|Supt|Jr|Sr|No|Ave|Blvd|Rd|Inc|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
    r"|" + "|".join(re.escape(a) for a in _STATE_ABBREVIATIONS) + r")\.)[\"'”’)\]]*\s*$"
)
#: "in Homs", "near the town of Saraqeb", "at Walnut Street": the sentence names a place
_PLACE_CUE = re.compile(
    r"\b(?i:in|near|at|outside|around|across|inside|into|of)\s+(?:the\s+)?(?:(?:town|city|village|province|district|county|neighbou?rhood|area)\s+of\s+)?[A-Z]"
)
#: a sentence speaking of a toll; the one right after a mention's sentence counts the same
#: victims (the extractor's inherited-toll rule uses this same pattern, so focus keeps it)
TOLL_SENTENCE = re.compile(r"\b(?:death toll|toll|number|tally|figure)\b", re.IGNORECASE)
_DATE_CUE = re.compile(
    r"\b(?:1[89]\d\d|20\d\d|January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|yesterday|today|tonight)\b"
)
#: chunks shorter than this, right before a kept one, are kept too (split debris)
_SHORT_CHUNK = 25


@dataclass(frozen=True)
class FocusRules:
    """How much context around trigger sentences is parsed."""

    lead: int = 3
    date_lookback: int = 8
    neighbours: int = 1  # sentences kept on each side of a trigger sentence ...
    neighbours_need_place: bool = True  # ... when they name a place ("in Homs")


def sentence_chunks(text: str) -> list[tuple[int, int]]:
    """(start, end) character ranges of the text's sentences by the cheap regex; they
    cover the text without gaps."""
    bounds = [0]
    for m in _BOUNDARY.finditer(text):
        if m.end() <= bounds[-1]:
            continue
        if text[m.start() - 1 : m.start()] == "." and "\n" not in m.group() and _ABBREVIATION_END.search(text, bounds[-1], m.start()):
            continue
        bounds.append(m.end())
    if bounds[-1] != len(text):
        bounds.append(len(text))
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if a < b]


def focus_chunks(text: str, trigger: re.Pattern[str], rules: FocusRules = FocusRules()) -> list[tuple[int, int]]:
    """The sentence ranges of ``text`` to parse (see the module docstring), in order."""
    chunks = sentence_chunks(text)
    n = len(chunks)
    keep = [i < rules.lead for i in range(n)]
    subject, rx = for_matching(text, trigger)
    has_trigger = [rx.search(subject, a, b) is not None for a, b in chunks]
    for i in range(n):
        if not has_trigger[i]:
            continue
        keep[i] = True
        for j in range(max(0, i - rules.neighbours), min(n, i + rules.neighbours + 1)):
            if not rules.neighbours_need_place or _PLACE_CUE.search(text, *chunks[j]):
                keep[j] = True
        if i + 1 < n and TOLL_SENTENCE.search(text, *chunks[i + 1]):
            keep[i + 1] = True
        for j in range(i - 1, max(-1, i - 1 - rules.date_lookback), -1):
            if has_trigger[j] or j < rules.lead:
                break  # kept anyway; its own date (if any) is the nearer one
            if _DATE_CUE.search(text, *chunks[j]):
                keep[j] = True
                break
    for i in range(n - 1, 0, -1):  # right to left: debris before debris before a kept chunk
        if keep[i] and not keep[i - 1]:
            a, b = chunks[i - 1]
            if b - a < _SHORT_CHUNK or _ABBREVIATION_END.search(text, a, b):
                keep[i - 1] = True
    return [c for c, k in zip(chunks, keep) if k]


def focus_text(
    text: str, trigger: re.Pattern[str], rules: FocusRules = FocusRules(), *, headlines: bool = True
) -> str:
    """``text`` with every character outside :func:`focus_chunks` replaced by a space
    (line breaks kept), typographic spaces as plain spaces, and title-case headlines
    lower-cased where ordinary (:func:`headline_case`, unless ``headlines`` is false):
    same length, same offsets."""
    # "control of\xa0Al-Qaryatayn": spaCy makes a no-break space a token of its own, which
    # separates a name from its preposition (and the NER then takes the place for a person)
    text = text.translate(_PLAIN_SPACES)
    if headlines:
        text = headline_case(text, trigger)
    kept = focus_chunks(text, trigger, rules)
    out: list[str] = []
    pos = 0
    for a, b in kept:
        if a > pos:
            out.append(_blank(text[pos:a]))
        out.append(text[a:b])
        pos = b
    if pos < len(text):
        out.append(_blank(text[pos:]))
    return "".join(out)


#: no-break, thin, narrow and other fixed-width spaces -> " " (one character for one)
_PLAIN_SPACES = {cp: " " for cp in (0x00A0, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x202F, 0x205F, 0x3000)}


def _blank(s: str) -> str:
    return re.sub(r"[^\n]", " ", s)


#: a word of a headline (letters with inner apostrophes/hyphens) or a number
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*\d|\d")
#: a title-case run needs this many capitalised words ...
_MIN_TITLE_WORDS = 4


@lru_cache(maxsize=1)
def _ordinary_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(lower-case words a headline capitalises but that are no names, words never
    lower-cased, function words) from the lexicons and ``resources/headline_words.json``."""
    from .. import resources
    from .numbers import SCALE_WORDS, TENS_WORDS, UNIT_WORDS

    head = resources.load_json("headline_words.json")
    events = resources.load_json("events.json")
    victims = resources.load_json("victims.json")
    quantities = resources.load_json("quantities.json")
    words: set[str] = set(head["function_words"]) | set(head["ordinary_words"])
    words |= set(UNIT_WORDS) | set(TENS_WORDS) | set(SCALE_WORDS)
    for v in quantities["vague"].values():
        words.update(f.split()[0] for f in v["forms"])
    words |= set(quantities["person_nouns"]) | set(quantities["count_heads"])
    words |= set(victims["person_nouns"])
    for kind_words in victims["kinds"].values():
        words |= set(kind_words)
    et = events["event_types"]
    for t in et["priority"]:
        words |= set(et[t])
    words = {w for w in words if " " not in w}
    words |= {w + "s" for w in words if not w.endswith("s")}
    return frozenset(words), frozenset(head["never"]), frozenset(head["function_words"])


def headline_case(text: str, trigger: re.Pattern[str]) -> str:
    """``text`` with the ordinary words of its title-case runs lower-cased (same length).

    A run is a stretch of words separated by spaces only (no punctuation: a headline
    that lost it) in which every word is capitalised, a number or a lower-case function
    word; it counts as a headline when it has at least ``_MIN_TITLE_WORDS`` capitalised
    words and one of them is a casualty trigger ("Kill", "Dead"). In such a run a
    capitalised word is lower-cased when the lexicons know it as an ordinary word (or
    it is a trigger), unless it is listed as ``never`` (titles before names: "General"),
    lies inside an actor's name ("Syrian Democratic Forces"), opens the run or, right
    before a lower-case word, opens the sentence after the headline ("A bomb ...")."""
    subject, rx = for_matching(text, trigger)
    if not any(text[m.start()].isupper() for m in rx.finditer(subject)):
        return text  # no capitalised trigger: no headline run to look at (most reports)
    ordinary, never, function = _ordinary_words()
    words = list(_WORD.finditer(text))
    out: list[str] | None = None
    i = 0
    while i < len(words):
        j = i
        while j + 1 < len(words) and _continues(text, words[j], words[j + 1], function):
            j += 1
        run = words[i : j + 1]
        i = j + 1
        caps = [m for m in run if m.group()[0].isupper()]
        if len(caps) < _MIN_TITLE_WORDS or not any(_is_trigger(m.group(), trigger) for m in caps):
            continue
        if 2 * sum(m.group().isupper() and len(m.group()) > 1 for m in caps) > len(caps):
            continue  # "POLICE FOUND A BOY SHOT": all capitals, not title case
        actor_spans: list[tuple[int, int]] | None = None
        if i < len(words) and text[run[-1].end() : words[i].start()].isspace() and words[i].group()[0].islower():
            caps = caps[:-1]  # "... in Homs Province A bomb killed ...": "A" starts the next sentence
        for m in caps:
            if m.start() == run[0].start():
                continue  # the first word is capitalised in any sentence
            w = m.group()
            low = w.lower()
            if not (w[1:].islower() or len(w) == 1) or low in never:
                continue
            if low not in ordinary and not _is_trigger(w, trigger):
                continue
            if actor_spans is None:
                actor_spans = _actor_spans(text, run[0].start(), run[-1].end())
            if any(a < m.end() and m.start() < b for a, b in actor_spans):
                continue
            if out is None:
                out = list(text)
            out[m.start() : m.end()] = low
    return text if out is None else "".join(out)


def _continues(text: str, a: re.Match[str], b: re.Match[str], function: frozenset[str]) -> bool:
    """Does word ``b`` continue the title-case run of word ``a``? (capitalised, a number
    or a lower-case function word: "Kill 50 in Homs")"""
    gap = text[a.end() : b.start()]
    if not gap or not gap.isspace() or "\n" in gap:
        return False
    w = b.group()
    return w[0].isupper() or w[0].isdigit() or w in function


def _is_trigger(word: str, trigger: re.Pattern[str]) -> bool:
    return trigger.fullmatch(word) is not None


def _actor_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Character spans of the actor names (``actors.json``) inside ``text[start:end]``."""
    from .lexicon import load_lexicon

    return [(start + a, start + b) for a, b, _ in load_lexicon().find_actors(text[start:end])]
