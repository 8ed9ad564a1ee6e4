"""A report of charges dates the shooting and the charges differently: inside one report
that date gap alone does not split its mentions; two tolls on two dates still do."""

from __future__ import annotations

from datetime import date

from deathtoll.link.config import load_config
from deathtoll.link.features import view
from deathtoll.link.score import pair_verdict, score_pair
from deathtoll.model import CountClaim, EventMention, Place, TimeSpan

TOWN = Place("Elmwood", admin1="Ohio", country="United States", country_code="US", lat=40.0, lon=-83.0, geonameid=1)


def _m(mid, day, killed=None, doc="d1", kind="shooting", place=TOWN):
    d = date(2016, 5, day)
    claims = () if killed is None else (CountClaim(kind="killed", low=killed, high=killed, value=killed, qualifier="exact"),)
    return EventMention(mention_id=mid, doc_id=doc, event_type=kind, place=place,
                        time=TimeSpan(d, d, "day"), claims=claims)


def test_shooting_and_its_charges_days_later_are_no_conflict():
    shot, charged = _m("m1", 2, killed=1), _m("m2", 16)
    p, conflict = pair_verdict(view(shot), view(charged), load_config())
    assert not conflict and p >= 0.1
    assert "own chronology" in score_pair(view(shot), view(charged), load_config()).reason


def test_two_tolls_on_two_dates_stay_two_events():
    raid, earlier = _m("m1", 20, killed=4), _m("m2", 2, killed=4)
    assert pair_verdict(view(raid), view(earlier), load_config())[1]


def test_the_rule_is_only_for_one_report():
    shot, other = _m("m1", 2, killed=1), _m("m2", 16, doc="d2")
    assert "own chronology" not in score_pair(view(shot), view(other), load_config()).reason


def test_months_apart_or_other_place_still_conflict():
    cfg = load_config()
    far = TimeSpan(date(2016, 9, 1), date(2016, 9, 1), "day")
    shot, later = _m("m1", 2, killed=1), _m("m2", 16).replace(time=far)
    assert pair_verdict(view(shot), view(later), cfg)[1]
    away = Place("Dayton", admin1="Ohio", country="United States", country_code="US", lat=41.5, lon=-81.0, geonameid=2)
    assert pair_verdict(view(shot), view(_m("m3", 16, place=away)), cfg)[1]
