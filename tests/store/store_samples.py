"""Hand-built records for the store tests (our own wording)."""

from __future__ import annotations

from datetime import date

from deathtoll.model import (
    Actor,
    Contradiction,
    CountClaim,
    Document,
    Event,
    EventMention,
    Place,
    TimeSpan,
    Toll,
)

TEXT_A = "Gunmen shot 12 villagers near Kano on Monday, police said."
TEXT_B = "A car bomb killed at least 30 people in a market in Mosul on 3 March."


def make_doc(doc_id: str, text: str, **kw) -> Document:
    return Document(doc_id=doc_id, text=text, source=kw.pop("source", "Daily Wire Test"), **kw)


def make_mention(mention_id: str, doc_id: str, *, n: int = 12, place: Place | None = None,
                 day: date | None = date(2021, 5, 3), actor: Actor | None = None,
                 claim_id: str = "") -> EventMention:
    claim = CountClaim(kind="killed", low=n, high=n, value=n, qualifier="exact", victim_kind="civilian",
                       claimant="police", claimant_kind="official", quote="Gunmen shot 12 villagers",
                       start=0, end=24, number_text=str(n), number_start=12, number_end=14,
                       doc_id=doc_id, claim_id=claim_id)
    return EventMention(
        mention_id=mention_id, doc_id=doc_id, event_type="shooting",
        perpetrator=actor or Actor("bandits", "Armed bandits", "non_state"),
        victim_kind="civilian", method="shot", claims=(claim,),
        place=place or Place("Kano", admin1="Kano", country="Nigeria", country_code="NG",
                             lat=12.0, lon=8.5, precision=1, geonameid=2335204),
        time=TimeSpan(day, day, "day") if day else None,
        trigger="shot", quote="Gunmen shot 12 villagers near Kano", start=0, end=40, extractor="test-1",
    )


def make_event(event_id: str, mentions: tuple[EventMention, ...], *, deaths: int | None = 12,
               day: date | None = date(2021, 5, 3), country: str = "Nigeria", country_code: str = "NG", admin1: str = "Kano",
               actor: Actor | None = None, event_type: str = "shooting") -> Event:
    toll = Toll(deaths, deaths, deaths, n_claims=1) if deaths is not None else Toll(None, None, None)
    return Event(
        event_id=event_id, event_type=event_type, mentions=mentions,
        perpetrator=actor or Actor("bandits", "Armed bandits", "non_state"),
        place=Place("Kano", admin1=admin1, country=country, country_code=country_code, lat=12.0, lon=8.5),
        time=TimeSpan(day, day, "day") if day else None,
        fatalities=toll, victims={"civilians": toll},
        contradictions=(Contradiction("c1", "c2", "fatalities", "12 vs 15"),),
        link_reasons=("same place", "same day"), rule="R1",
    )

