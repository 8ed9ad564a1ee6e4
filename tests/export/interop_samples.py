"""Hand-built events for the dataset-format export tests (our own wording and numbers)."""

from __future__ import annotations

from datetime import date

from deathtoll.model import Actor, Contradiction, CountClaim, Document, Event, EventMention, Place, TimeSpan, Toll

IS = Actor("islamic_state", "Islamic State", "non_state")
SYRIA_GOV = Actor("syrian_government", "Syrian government forces", "state")
RUSSIA = Actor("russia", "Russian forces", "state")
REBELS = Actor("syrian_opposition", "Armed opposition groups", "non_state")
UNKNOWN = Actor("unknown", "Unknown", "unknown")

PALMYRA = Place("Palmyra", admin1="Homs", country="Syria", country_code="SY", lat=34.56, lon=38.28, precision=1,
                geonameid=170778, text="the ancient town of Palmyra")
IDLIB = Place("Idlib", admin1="Idlib", country="Syria", country_code="SY", lat=35.93, lon=36.63, precision=4)
KANO = Place("Kano", admin1="Kano", country="Nigeria", country_code="NG", lat=12.0, lon=8.5, precision=2)


def day(d: date) -> TimeSpan:
    return TimeSpan(d, d, "day")


def claim(n, doc_id, *, kind="killed", qualifier="exact", low=None, high=None, victim="civilian",
          claimant="a monitoring group", claimant_kind="monitor", subgroup=None, claim_id=""):
    lo = n if low is None and qualifier == "exact" else low
    hi = n if high is None and qualifier == "exact" else high
    return CountClaim(kind=kind, low=lo, high=hi, value=n, qualifier=qualifier, victim_kind=victim, subgroup=subgroup,
                      claimant=claimant, claimant_kind=claimant_kind, quote=f"{n} were killed, the group said",
                      start=10, end=45, number_text=str(n), number_start=10, number_end=12, doc_id=doc_id,
                      claim_id=claim_id)


def mention(mid, doc_id, event_type, actor, *claims, place=PALMYRA, time=None, victim="civilian", method=None):
    return EventMention(mention_id=mid, doc_id=doc_id, event_type=event_type, perpetrator=actor, victim_kind=victim,
                        method=method, claims=claims, place=place, time=time or day(date(2015, 5, 27)),
                        trigger="executed", quote=f"Quote of {mid}.", start=0, end=30, extractor="test")


def event(eid, event_type, actor, mentions, *, fat=(20, 25, 25), inj=(None, None, None), victims=None,
          place=PALMYRA, time=None, contradictions=()):
    return Event(event_id=eid, event_type=event_type, mentions=tuple(mentions), perpetrator=actor, place=place,
                 time=time or day(date(2015, 5, 27)), fatalities=Toll(*fat), injured=Toll(*inj),
                 victims=victims or {}, contradictions=contradictions, link_reasons=("same place",), rule="R1")


#: IS executes 20-25 civilians in Palmyra, two reports, shot (one-sided).
EXECUTION = event(
    "ev-exec", "execution", IS,
    [mention("m1", "d1", "execution", IS, claim(20, "d1", claim_id="c1"), method="shot"),
     mention("m2", "d2", "execution", IS, claim(25, "d2", claimant="residents", claimant_kind="witness",
                                                claim_id="c2"))],
    victims={"civilians": Toll(20, 25, 25), "children": Toll(3, 3, 3)},
    contradictions=(Contradiction("c1", "c2", "fatalities", "20 vs 25"),),
)

#: Government forces and rebels clash in Idlib over three days; combatants die.
CLASH = event(
    "ev-clash", "clash", SYRIA_GOV,
    [mention("m3", "d3", "clash", SYRIA_GOV, claim(14, "d3", victim="combatant", claim_id="c3"), place=IDLIB,
             victim="combatant"),
     mention("m4", "d3", "clash", REBELS, claim(16, "d3", victim="combatant", claim_id="c4"), place=IDLIB,
             victim="combatant")],
    fat=(14, 16, 16), victims={"combatants": Toll(14, 16, 16)}, place=IDLIB,
    time=TimeSpan(date(2016, 3, 1), date(2016, 3, 3), "days"),
)

#: A Russian air strike; "dozens" of civilians killed (a vague count only).
AIR_STRIKE = event(
    "ev-air", "air_strike", RUSSIA,
    [mention("m5", "d4", "air_strike", RUSSIA, claim(36, "d4", qualifier="dozens", low=24, high=99,
                                                     claim_id="c5"), place=IDLIB)],
    fat=(24, 36, 99), place=IDLIB, time=TimeSpan(date(2016, 2, 1), date(2016, 2, 29), "month"),
)

#: A suicide car bombing by an unknown group in Kano; victims unknown.
BOMBING = event(
    "ev-bomb", "bombing", UNKNOWN,
    [mention("m6", "d5", "bombing", UNKNOWN, claim(30, "d5", qualifier="at least", low=30, victim="unknown",
                                                   claim_id="c6"), place=KANO, method="suicide car bomb",
             victim="unknown")],
    fat=(30, 30, None), place=KANO, time=day(date(2014, 11, 28)),
)

ALL = [EXECUTION, CLASH, AIR_STRIKE, BOMBING]

DOCS = [
    Document("d1", "First report text about Palmyra.", title="Executions in Palmyra", source="Wire A",
             url="http://a.test/1", published="2015-05-28"),
    Document("d2", "Second report text about Palmyra.", title="Palmyra killings", source="Monitor B",
             published="2015-05-29"),
    Document("d3", "Third report about fighting in Idlib.", title="Idlib fighting", source="Wire A",
             published="2016-03-04"),
    Document("d4", "Fourth report about an air strike.", source="Daily C", published="2016-03"),
    Document("d5", "Fifth report about a bombing in Kano.", title="Kano blast", source="Paper D",
             published="2014-11-29"),
]
DOC_META = {d.doc_id: {"title": d.title, "source": d.source, "url": d.url, "published": d.published} for d in DOCS}
