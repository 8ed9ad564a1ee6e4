"""A town borrowed from another sentence of its report (coded at province precision) is a
weak place: it may count against a pair, but it never vetoes it; and groups sharing
reports are averaged over distinct document pairs."""

from __future__ import annotations

from datetime import date

from deathtoll.link.cluster import _doc_pairs
from deathtoll.link.config import load_config
from deathtoll.link.features import view
from deathtoll.link.score import score_pair
from deathtoll.model import EventMention, Place, TimeSpan

# a homonym: the report's other sentence named a "Lakeview" the gazetteer put in another state
BORROWED = Place("Lakeview", admin1="Oregon", country="United States", country_code="US", precision=4)
STATE = Place("Oregon", admin1="Oregon", country="United States", country_code="US", precision=4)
OWN = Place("Riverton", admin1="Wyoming", country="United States", country_code="US",
            lat=43.0, lon=-108.4, geonameid=7, precision=1)
ABROAD_TOWN = Place("Lakeview", admin1="Ontario", country="Canada", country_code="CA", precision=4)
ABROAD_OWN = Place("Brampton", admin1="Ontario", country="Canada", country_code="CA",
                   lat=43.7, lon=-79.8, geonameid=8, precision=1)


def _m(mid: str, doc: str, place: Place) -> EventMention:
    d = date(2016, 3, 5)
    return EventMention(mention_id=mid, doc_id=doc, event_type="shooting", place=place, time=TimeSpan(d, d, "day"))


def test_borrowed_town_is_flagged_but_a_state_is_not():
    assert view(_m("m1", "d1", BORROWED)).borrowed
    assert not view(_m("m1", "d1", STATE)).borrowed
    assert not view(_m("m1", "d1", OWN)).borrowed


def test_borrowed_town_in_another_state_is_no_veto_in_one_report():
    cfg = load_config()
    s = score_pair(view(_m("m1", "d1", BORROWED)), view(_m("m2", "d1", OWN)), cfg)
    assert not s.conflict
    assert "same document" in s.reason


def test_sentence_places_in_two_states_still_conflict_in_one_report():
    cfg = load_config()
    s = score_pair(view(_m("m1", "d1", STATE)), view(_m("m2", "d1", OWN)), cfg)
    assert s.conflict


def test_borrowed_town_abroad_weighs_less_than_a_place_abroad():
    cfg = load_config()
    weak = score_pair(view(_m("m1", "d1", ABROAD_TOWN)), view(_m("m2", "d2", OWN)), cfg)
    strong = score_pair(view(_m("m1", "d1", ABROAD_OWN)), view(_m("m2", "d2", OWN)), cfg)
    assert strong.conflict and not weak.conflict
    assert weak.probability > strong.probability


def test_groups_sharing_reports_count_each_document_pair_once():
    assert _doc_pairs({"a"}, {"b"}) == 1
    assert _doc_pairs({"a", "b"}, {"c", "d"}) == 4
    # both groups hold mentions of reports a and b: the pairs are aa, ab, bb (ab not twice)
    assert _doc_pairs({"a", "b"}, {"a", "b"}) == 3
    assert _doc_pairs({"a", "b", "c"}, {"a", "b"}) == 5
