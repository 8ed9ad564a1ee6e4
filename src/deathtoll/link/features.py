"""Per-mention facts linking compares, computed once per mention (not once per pair)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..model import FATAL_KINDS, CountClaim, EventMention

_DATE_RANK = {"day": 0, "days": 1, "week": 2, "month": 3, "year": 4, "unknown": 5}


@dataclass(frozen=True)
class MentionView:
    """The comparable parts of one mention, normalised."""

    mention_id: str
    doc_id: str
    event_type: str
    actor_id: str  # "unknown" when not named
    actor_name: str
    victim_kind: str
    place_name: Optional[str]
    place_key: Optional[str]  # geonameid or casefolded name+country: identity of the place
    admin1: Optional[tuple[str, str]]  # (country, admin1), casefolded
    country: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    place_precision: int  # 99 when no place
    t0: Optional[int]  # date ordinals, inclusive
    t1: Optional[int]
    time_precise: bool  # dated to a day or a few days
    count_low: Optional[int]  # envelope of the fatality claims
    count_high: Optional[float]  # inf when open-ended
    count_text: str  # "160+", "~250", "25" ... for explanations
    count_precise_low: Optional[int] = None
    separate: bool = False  # the text calls it a separate incident  # lowest figure among non-vague claims ("40" in "at least 40")
    persons: frozenset[str] = frozenset()  # victims/suspects the report names ("first last" keys)
    ages: frozenset[int] = frozenset()  # ages the report gives its people
    borrowed: bool = False  # a town coded no finer than its province: taken from another sentence
    own_span: bool = False  # its own sentence dates it, coarser than a few days ("in recent weeks", "last month")


def describe_claim(c: CountClaim) -> str:
    """A short form of a claim's number: ``25``, ``160+``, ``~250``, ``<=10``, ``20-30``."""
    v = c.value if c.value is not None else c.low
    if c.high is None:
        return f"{v if v is not None else '?'}+"
    if c.low is None or (c.low == 0 and c.high > 0 and c.value in (None, c.high)):
        return f"<={c.high}"
    if c.low == c.high:
        return str(c.low)
    if c.qualifier in ("around", "about", "approximately", "nearly", "almost") and c.value is not None:
        return f"~{c.value}"
    return f"{c.low}-{c.high}"


def _fatal_claims(m: EventMention) -> list[CountClaim]:
    fatal = [c for c in m.claims if c.kind in FATAL_KINDS]
    total = [c for c in fatal if c.subgroup is None]
    return total or fatal  # subgroup-only claims still bound the total from below


def _precise_low(claims: list[CountClaim]) -> Optional[int]:
    lows = [c.low if c.low is not None else c.value for c in claims if not c.is_vague and c.subgroup is None]
    lows = [v for v in lows if v is not None]
    return min(lows) if lows else None


def _envelope(claims: list[CountClaim]) -> tuple[Optional[int], Optional[float], str]:
    if not claims:
        return None, None, ""
    lows: list[int] = []
    highs: list[float] = []
    for c in claims:
        lo = c.low if c.low is not None else (c.value if c.value is not None else 0)
        lows.append(lo)
        if c.subgroup is not None or c.high is None or c.is_vague:
            highs.append(float("inf"))
        else:
            highs.append(float(c.high))
    text = "/".join(dict.fromkeys(describe_claim(c) for c in claims))
    return min(lows), max(highs), text


def view(m: EventMention) -> MentionView:
    """Normalise one mention for comparison."""
    p = m.place
    lat = lon = None
    place_key = admin1 = country = name = None
    prec = 99
    if p is not None:
        prec = p.precision
        name = p.name
        country = (p.country_code or p.country or "").casefold() or None
        if p.lat is not None and p.lon is not None:
            lat, lon = float(p.lat), float(p.lon)
        if p.admin1:
            admin1 = (country or "", p.admin1.casefold())
        if p.geonameid is not None:
            place_key = f"gid:{p.geonameid}"
        elif p.name:
            place_key = f"name:{p.name.casefold()}|{country or ''}"
    t0 = t1 = None
    precise = False
    if m.time is not None:
        t0, t1 = m.time.start.toordinal(), m.time.end.toordinal()
        precise = _DATE_RANK.get(m.time.precision, 5) <= 1
    fatal = _fatal_claims(m)
    lo, hi, text = _envelope(fatal)
    actor = m.perpetrator
    return MentionView(
        mention_id=m.mention_id,
        doc_id=m.doc_id,
        event_type=m.event_type,
        actor_id=actor.actor_id or "unknown",
        actor_name=actor.name,
        victim_kind=m.victim_kind or "unknown",
        place_name=name,
        place_key=place_key,
        admin1=admin1,
        country=country,
        lat=lat,
        lon=lon,
        place_precision=prec,
        t0=t0,
        t1=t1,
        time_precise=precise,
        count_low=lo,
        count_high=hi,
        count_text=text,
        count_precise_low=_precise_low(fatal),
        separate=m.separate,
        persons=frozenset(getattr(m, "persons", ()) or ()),
        ages=frozenset(getattr(m, "ages", ()) or ()),
        own_span=m.time is not None and not precise
        and (m.time.anchor or "") not in ("narrative date", "lead date") and bool(m.time.text),
        borrowed=prec == 4 and admin1 is not None and bool(name) and name.casefold() != admin1[1],
    )
