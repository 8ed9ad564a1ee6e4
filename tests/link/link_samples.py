"""Hand-built mentions for the link tests (no NLP)."""

from __future__ import annotations

from datetime import date, timedelta

from deathtoll.model import Actor, CountClaim, EventMention, Place, TimeSpan

IS = Actor("islamic_state", "Islamic State", "non_state")
ARMY = Actor("syrian_government", "Syrian government", "state")
TABQA = Place("Al-Tabqa", admin1="Raqqa", country="Syria", country_code="SY", lat=35.836, lon=38.548, geonameid=163345)
AIRBASE = Place("Tabqa airbase", admin1="Raqqa", country="Syria", country_code="SY", lat=35.755, lon=38.567, feature="airbase")
RAQQA_PROV = Place("Raqqa", admin1="Raqqa", country="Syria", country_code="SY", lat=35.9, lon=38.9, precision=4)
PALMYRA = Place("Palmyra", admin1="Homs", country="Syria", country_code="SY", lat=34.56, lon=38.28, geonameid=170925)


def day(d: date, precision: str = "day") -> TimeSpan:
    return TimeSpan(d, d, precision)


def claim(low, high, value, qualifier="exact", kind="killed", doc="d1", cid="", claimant_kind="media") -> CountClaim:
    return CountClaim(kind, low, high, value, qualifier, claimant_kind=claimant_kind, doc_id=doc, claim_id=cid)


def mention(mid, doc, etype="execution", actor=IS, place=TABQA, when=date(2014, 8, 28), claims=(), victims="prisoner"):
    return EventMention(
        mention_id=mid,
        doc_id=doc,
        event_type=etype,
        perpetrator=actor,
        victim_kind=victims,
        claims=tuple(claims),
        place=place,
        time=day(when) if isinstance(when, date) else when,
    )


def synthetic(n_events: int, per_event: int, seed_days: int = 730) -> list[EventMention]:
    """``n_events`` well separated events, each reported by ``per_event`` documents."""
    out: list[EventMention] = []
    base = date(2013, 1, 1)
    actors = [IS, ARMY, Actor("jabhat_al_nusra", "Nusra Front", "non_state")]
    types = ["execution", "bombing", "shelling", "massacre"]
    for e in range(n_events):
        lat = 32.0 + (e * 37 % 600) / 100.0  # spread over ~6 x 6 degrees
        lon = 36.0 + (e * 53 % 600) / 100.0
        when = base + timedelta(days=(e * 7919) % seed_days)
        place = Place(f"village {e}", admin1=f"province {e % 14}", country_code="SY", lat=lat, lon=lon, geonameid=10_000 + e)
        for k in range(per_event):
            n = 5 + e % 90
            out.append(
                mention(
                    f"e{e:05d}-m{k}",
                    f"doc-{e}-{k}",
                    etype=types[e % 4],
                    actor=actors[e % 3],
                    place=place,
                    when=when + timedelta(days=k % 2),
                    claims=[claim(n, n + k, n, "exact", doc=f"doc-{e}-{k}")],
                    victims="civilian",
                )
            )
    return out
