"""Two reports that give their victim the same age lean towards one incident."""

from __future__ import annotations

from datetime import date

from deathtoll.extract.persons import find_ages
from deathtoll.link import link_mentions
from deathtoll.link.config import load_config
from deathtoll.link.features import view
from deathtoll.link.score import score_pair
from deathtoll.model import EventMention, Place, TimeSpan

OHIO = Place("Ohio", admin1="Ohio", country="United States", country_code="US", precision=4)
ELM = Place("Elmwood", admin1="Ohio", country="United States", country_code="US", lat=40.0, lon=-83.0, geonameid=1)


def _m(mid, doc, place, ages=(), precision="week"):
    d = date(2016, 3, 5)
    return EventMention(mention_id=mid, doc_id=doc, event_type="shooting", place=place,
                        time=TimeSpan(d, d, precision), ages=tuple(ages))


def test_find_ages_reads_news_style_ages():
    text = "A 7-year-old boy was shot. Dana Cole, 31, was charged; the 16 year old cousin fled 20 years ago."
    assert find_ages(text) == (7, 16, 31)


def test_same_age_tips_a_plausible_pair_into_one_event():
    a, b = _m("m1", "d1", OHIO, [7]), _m("m2", "d2", ELM, [7, 31])
    assert len(link_mentions([a, b])) == 1
    assert "same ages (7)" in score_pair(view(a), view(b), load_config()).reason


def test_different_ages_leave_the_pair_apart():
    a, b = _m("m1", "d1", OHIO, [7]), _m("m2", "d2", ELM, [15])
    assert len(link_mentions([a, b])) == 2


def test_round_up_with_many_ages_gives_no_age_evidence():
    a, b = _m("m1", "d1", OHIO, [7]), _m("m2", "d2", ELM, [7, 15, 19, 22, 40])
    assert "same ages" not in score_pair(view(a), view(b), load_config()).reason
