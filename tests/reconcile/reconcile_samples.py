"""Hand-built claims and mentions for the reconcile tests (no NLP)."""

from __future__ import annotations

from datetime import date

from deathtoll.model import UNKNOWN_ACTOR, Actor, CountClaim, EventMention, Place, TimeSpan

IS = Actor("islamic_state", "Islamic State", "non_state")


def claim(cid, low, high, value, qualifier="exact", *, doc="d1", kind="killed", claimant_kind="media",
          victim_kind="unknown", subgroup=None, claimant=None, quote="") -> CountClaim:
    return CountClaim(kind, low, high, value, qualifier, victim_kind=victim_kind, subgroup=subgroup,
                      claimant=claimant, claimant_kind=claimant_kind, doc_id=doc, claim_id=cid, quote=quote)


def mention(mid, doc, *claims, etype="execution", actor=UNKNOWN_ACTOR, victims="unknown", place=None, when=None):
    return EventMention(mention_id=mid, doc_id=doc, event_type=etype, perpetrator=actor, victim_kind=victims,
                        claims=tuple(claims), place=place, time=when)


def span(d: date, precision: str = "day", end: date | None = None) -> TimeSpan:
    return TimeSpan(d, end or d, precision)


def place(name: str, precision: int = 1, gid: int | None = None) -> Place:
    return Place(name, admin1="Raqqa", country_code="SY", precision=precision, geonameid=gid)
