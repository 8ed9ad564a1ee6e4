"""People shot, people dead: turning a report's "N were shot" into the injured count.

The Gun Violence Archive (and any casualty ledger) counts as *injured* the people hit
who did not die. Reports often give the hit total and the deaths separately:
"five people were shot outside a bar ... one of them died at the hospital". Read
sentence by sentence, "five were shot" is five injured (shot and, so far, alive), and
the reconciliation keeps a document's highest injured figure, so the death is counted
twice. This module settles that once per document, after the sentence rules:

* a *fatal subset* ("one of them died", "two of the victims were pronounced dead")
  says how many of the people counted just before died: every hit total before it in
  the document loses that many;
* otherwise a *hit total* (an injured claim read from "shot"/"gunshot wounds" in a
  sentence that names no outcome, not "two *other* people were shot") together with the
  document's stated death figure for the same incident (the highest killed figure of
  its non-separate mentions, when it is at most the total) gives injured = total - dead.

A total that drops to zero is removed (everyone hit died); a death figure larger than
the total, or counted apart ("another man was killed"), changes nothing: we never
invent. Also here: "found shot in the head" reads as a death (``found_shot_dead``).
The patterns live in ``resources/shot_outcomes.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

from ..model import CountClaim, EventMention, stable_id
from ..resources import load_json
from .counts import find_counts

__all__ = ["found_shot_dead", "fatal_subsets", "settle_shot_totals"]


@dataclass(frozen=True)
class _Patterns:
    hit: re.Pattern[str]
    outcome: re.Pattern[str]
    complement: re.Pattern[str]
    fatal_subset: re.Pattern[str]
    found_dead: re.Pattern[str]
    found_dead_unless: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    d = load_json("shot_outcomes.json")
    return _Patterns(
        hit=re.compile(d["hit_words"], re.IGNORECASE),
        outcome=re.compile(d["outcome_words"], re.IGNORECASE),
        complement=re.compile(d["complement_words"], re.IGNORECASE),
        fatal_subset=re.compile(d["fatal_subset"], re.IGNORECASE),
        found_dead=re.compile(d["found_dead"], re.IGNORECASE),
        found_dead_unless=re.compile(d["found_dead_unless"], re.IGNORECASE),
    )


def found_shot_dead(sentence: str) -> bool:
    """"Four people were found shot in the head": found that way, they were dead, unless
    the sentence speaks of survival or hospital care."""
    p = _patterns()
    return bool(p.found_dead.search(sentence)) and not p.found_dead_unless.search(sentence)


def fatal_subsets(text: str) -> list[tuple[int, int, int]]:
    """(number of dead, start, end of the number) for each "N of them died" in ``text``: deaths among people
    counted before (the claim rules drop such subsets as claims of their own)."""
    p = _patterns()
    out = []
    for ph in find_counts(text):
        if ph.value is None or ph.vague or ph.unit:
            continue
        if p.fatal_subset.match(text, ph.end):
            out.append((ph.value, ph.start, ph.end))
    return out


def _is_hit_total(c: CountClaim, text: str) -> bool:
    """An injured claim that counts everyone hit: read from "shot"/"gunshot wounds" in a
    sentence naming no outcome, and not a complement ("two other people", "a second man")."""
    p = _patterns()
    if c.kind != "injured" or c.value is None or c.is_vague:
        return False
    if not p.hit.search(c.quote) or p.outcome.search(c.quote):
        return False
    around = text[max(c.start, c.number_start - 15) : min(c.end, c.number_end + 25)]
    return not p.complement.search(around)


def _lower(c: CountClaim, dead: int, text: str) -> Optional[CountClaim]:
    """The claim with ``dead`` of its people removed; None when none is left."""
    if c.value is None or dead >= c.value:
        return None
    return c.replace(
        value=c.value - dead,
        low=None if c.low is None else max(0, c.low - dead),
        high=None if c.high is None else c.high - dead,
        claim_id=stable_id("c-", c.doc_id, c.number_start, "injured-survivors"),
    )


def _subset_deaths(total: CountClaim, dead: int, at: int, at_end: int, text: str) -> CountClaim:
    """The killed claim that "N of them died" (number at ``at``:``at_end``) makes of a hit total."""
    start = max(text.rfind(".", 0, at) + 1, text.rfind("\n", 0, at) + 1)
    end = min((k for k in (text.find(".", at), text.find("\n", at)) if k >= 0), default=len(text))
    while start < at and text[start].isspace():
        start += 1
    return total.replace(
        kind="killed", value=dead, low=dead, high=dead, qualifier="exact",
        quote=text[start : end + 1], start=start, end=end + 1,
        number_text=text[at:at_end], number_start=at, number_end=at_end,
        claim_id=stable_id("c-", total.doc_id, at, "killed"),
    )


def _stated_deaths(mentions: Sequence[EventMention], text: str) -> Optional[int]:
    """The document's death figure for its incident: the highest stated killed figure of
    its non-separate mentions, counting only claims that are not complements ("another")."""
    p = _patterns()
    values = [
        c.value
        for m in mentions
        if not m.separate
        for c in m.claims
        if c.kind in ("killed", "executed") and c.value is not None
        and (not c.is_vague or c.qualifier == "named")
        and not p.complement.search(text[max(c.start, c.number_start - 15) : c.number_end + 10])
    ]
    return max(values) if values else None


def settle_shot_totals(mentions: Sequence[EventMention], text: str) -> list[EventMention]:
    """Mentions of one document with hit totals turned into survivors (see module doc).

    ``text`` is the document's text (claims' offsets index it). Mentions keep their
    order and ids; only claims change.
    """
    hits = [(i, c) for i, m in enumerate(mentions) for c in m.claims if _is_hit_total(c, text)]
    if not hits:
        return list(mentions)
    subsets = fatal_subsets(text)
    deaths = _stated_deaths(mentions, text)
    new: dict[str, Optional[CountClaim]] = {}
    added: dict[str, CountClaim] = {}
    for _, c in hits:
        # a fatal subset right after the total (and before any other total) names its dead
        later = [n for n, at, _ in subsets if at > c.number_end]
        nxt = min((h.number_start for _, h in hits if h.number_start > c.number_end), default=len(text))
        own = [(n, at, end) for n, at, end in subsets if c.number_end < at < nxt]
        if own:
            dead = own[0][0]
            added[c.claim_id] = _subset_deaths(c, *own[0], text)
        elif deaths is not None and not later:
            dead = deaths
        else:
            continue
        if dead > c.value:  # type: ignore[operator]
            continue  # more dead than hit: the figures are not about the same people
        new[c.claim_id] = _lower(c, dead, text)
    if not new:
        return list(mentions)
    out = []
    for m in mentions:
        if not any(c.claim_id in new for c in m.claims):
            out.append(m)
            continue
        claims = tuple(
            nc for c in m.claims for nc in ([new[c.claim_id]] if c.claim_id in new else [c]) if nc is not None
        ) + tuple(added[c.claim_id] for c in m.claims if c.claim_id in added)
        out.append(m.replace(claims=claims))
    return out


#: verbs of a state in which the counted people are described ("two *remain* in hospital")
_CONDITION_VERBS = frozenset({"be", "remain", "stay", "lie", "stand"})


def survivors_with_wounds(trigger, anchor, kinds: dict[int, str]) -> bool:
    """Is ``trigger`` (an injury noun) the count's own predicate through a "with" phrase of
    the state verb the count is the subject of? "three died and two *remain* in hospital
    with wounds", "two were in critical condition with gunshot wounds": the two are
    injured, not the dead of the other clause. Not when the state verb has a fatal word of
    its own ("two were dead with gunshot wounds")."""
    if kinds.get(trigger.i) != "injured" or anchor.dep_ != "nsubj":
        return False
    verb = anchor.head
    if verb.lemma_.lower() not in _CONDITION_VERBS:
        return False
    if any(c.i in kinds and kinds[c.i] in ("killed", "executed") for c in verb.children):
        return False
    tok, seen_with = trigger, False
    while tok.i != verb.i:
        if tok.dep_ not in ("pobj", "prep", "compound", "acomp", "amod") or tok.head.i == tok.i:
            return False
        if tok.dep_ == "prep" and tok.lower_ == "with":
            seen_with = True
        tok = tok.head
    return seen_with
