"""Monitors and the opposition call an air raid or shelling that killed many civilians a
massacre: inside one report the two names are one event; a massacre and a shooting in the
same town stay compatible as before, a massacre and an execution too."""

from __future__ import annotations

from datetime import date

from deathtoll.link.config import load_config
from deathtoll.link.features import view
from deathtoll.link.score import pair_verdict, score_pair
from deathtoll.model import CountClaim, EventMention, Place, TimeSpan

TOWN = Place("Kafr Zeit", admin1="Hama", country="Syria", country_code="SY", lat=35.3, lon=36.6, geonameid=1)


def _m(mid, kind, killed=None, qualifier="exact", doc="d1"):
    d = date(2016, 5, 3)
    claims = () if killed is None else (
        CountClaim(kind="killed", low=killed, high=killed, value=killed, qualifier=qualifier),
    )
    return EventMention(mention_id=mid, doc_id=doc, event_type=kind, place=TOWN,
                        time=TimeSpan(d, d, "day"), claims=claims)


def test_a_massacre_and_the_air_raids_of_one_report_are_compatible():
    massacre, raids = _m("m1", "massacre"), _m("m2", "air_strike", killed=40)
    p, conflict = pair_verdict(view(massacre), view(raids), load_config())
    assert not conflict, score_pair(view(massacre), view(raids), load_config()).reason
    assert "compatible types" in score_pair(view(massacre), view(raids), load_config()).reason


def test_a_massacre_and_shelling_are_compatible():
    assert "compatible types" in score_pair(view(_m("m1", "massacre")), view(_m("m2", "shelling")), load_config()).reason


def test_a_chemical_attack_and_a_massacre_stay_different_types():
    reason = score_pair(view(_m("m1", "massacre")), view(_m("m2", "chemical_attack")), load_config()).reason
    assert "different types" in reason, reason
