"""Choose the event's type, perpetrator, place and time from its mentions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Optional, Sequence

from ..model import UNKNOWN_ACTOR, Actor, EventMention, Place, TimeSpan
from .config import ReconcileConfig, load_config


@dataclass(frozen=True)
class Representative:
    """The event's description as most reports give it."""

    event_type: str
    perpetrator: Actor
    place: Optional[Place]
    time: Optional[TimeSpan]


def _event_type(mentions: Sequence[EventMention], cfg: ReconcileConfig) -> str:
    counts = Counter(m.event_type for m in mentions)
    specific = {t: n for t, n in counts.items() if t not in cfg.generic_types}
    pool = specific or counts
    rank = {t: i for i, t in enumerate(cfg.type_specificity)}
    return min(pool, key=lambda t: (-pool[t], rank.get(t, len(rank)), t)) if pool else "attack"


def _perpetrator(mentions: Sequence[EventMention]) -> Actor:
    named = [m.perpetrator for m in mentions if m.perpetrator.actor_id not in ("", "unknown")]
    if not named:
        return UNKNOWN_ACTOR
    counts = Counter(a.actor_id for a in named)
    best = min(counts, key=lambda k: (-counts[k], k))
    return next(a for a in named if a.actor_id == best)


def _place_key(p: Place) -> str:
    return f"gid:{p.geonameid}" if p.geonameid is not None else f"{p.name.casefold()}|{p.admin1}|{p.country_code}"


def _place(mentions: Sequence[EventMention]) -> Optional[Place]:
    places = [m.place for m in mentions if m.place is not None]
    if not places:
        return None
    finest = min(p.precision for p in places)
    pool = [p for p in places if p.precision == finest]
    counts = Counter(_place_key(p) for p in pool)
    best = min(counts, key=lambda k: (-counts[k], k))
    return next(p for p in pool if _place_key(p) == best)


def _time(mentions: Sequence[EventMention], cfg: ReconcileConfig) -> Optional[TimeSpan]:
    spans = [m.time for m in mentions if m.time is not None]
    if not spans:
        return None
    rank = {p: i for i, p in enumerate(cfg.date_precisions)}
    finest = min(rank.get(t.precision, len(rank)) for t in spans)
    pool = [t for t in spans if rank.get(t.precision, len(rank)) == finest]
    counts = Counter((t.start, t.end) for t in pool)
    best = min(counts, key=lambda k: (-counts[k], k))
    return next(t for t in pool if (t.start, t.end) == best)


def representative(mentions: Sequence[EventMention]) -> Representative:
    """Pick the description: most attested specific type; most attested named
    perpetrator; the most precise place (then most frequent); the most precise date
    (then most frequent, then earliest). Ties break alphabetically, so the result does
    not depend on the order of ``mentions``.
    """
    cfg = load_config()
    ordered = sorted(mentions, key=lambda m: m.mention_id)
    return Representative(
        event_type=_event_type(ordered, cfg),
        perpetrator=_perpetrator(ordered),
        place=_place(ordered),
        time=_time(ordered, cfg),
    )
