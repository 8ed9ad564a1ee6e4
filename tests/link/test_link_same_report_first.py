"""A report's own mentions of its main event are joined before other reports are looked at;
a toll the report dates only to weeks or a month is its background, not the day's incident."""

from __future__ import annotations

from datetime import date

from deathtoll.link.cluster import _stage, link_mentions
from deathtoll.link.config import load_config
from deathtoll.link.features import view
from deathtoll.link.score import pair_verdict, score_pair
from deathtoll.model import CountClaim, EventMention, Place, TimeSpan
from deathtoll.when.resolve import resolve_date

TOWN = Place("Elmwood", admin1="Ohio", country="United States", country_code="US", lat=40.0, lon=-83.0, geonameid=1)
DAY = TimeSpan(date(2016, 6, 12), date(2016, 6, 12), "day", "on Sunday", "published 2016-06-12")
WEEKS = TimeSpan(date(2016, 5, 15), date(2016, 6, 12), "week", "in recent weeks", "published 2016-06-12")


def _m(mid, killed, doc="d1", time=DAY, vague=False):
    if vague:  # "dozens"
        claims = (CountClaim(kind="killed", low=24, high=99, value=None, qualifier="dozens"),)
    else:
        claims = (CountClaim(kind="killed", low=killed, high=killed, value=killed, qualifier="exact"),)
    return EventMention(mention_id=mid, doc_id=doc, event_type="air_strike", place=TOWN, time=time, claims=claims)


def test_stage_is_zero_only_inside_one_report():
    assert _stage({"d1"}, {"d1"}) == 0
    assert _stage({"d1"}, {"d2"}) == 1
    assert _stage({"d1", "d2"}, {"d1", "d2"}) == 1


def test_a_report_keeps_its_lead_and_its_stated_toll_together():
    # the lead ("dozens were killed in Elmwood on Sunday") and the monitor's figure
    # (58) of one report end in one event even beside other reports of the day
    lead, figure = _m("m-a1", 40, vague=True), _m("m-a2", 58)
    other = [_m("m-b1", 58, doc="d2"), _m("m-c1", 40, doc="d3", vague=True)]
    clusters = link_mentions([lead, figure, *other], config=load_config())
    together = [c for c in clusters if "m-a1" in c.mention_ids]
    assert together and "m-a2" in together[0].mention_ids


def test_a_toll_dated_to_recent_weeks_is_the_report_background():
    # "strikes killed 20 in Elmwood on Sunday" ... "strikes that killed 23 in recent weeks"
    day, weeks = _m("m1", 20), _m("m2", 23, time=WEEKS)
    assert pair_verdict(view(day), view(weeks), load_config())[1]
    assert "dated to weeks" in score_pair(view(day), view(weeks), load_config()).reason


def test_a_week_long_span_or_another_report_is_no_background():
    week = TimeSpan(date(2016, 6, 6), date(2016, 6, 12), "week", "in the past week", "published 2016-06-12")
    day, past_week = _m("m1", 20), _m("m2", 23, time=week)
    assert not pair_verdict(view(day), view(past_week), load_config())[1]
    other = _m("m3", 23, doc="d2", time=WEEKS)
    assert "dated to weeks" not in score_pair(view(day), view(other), load_config()).reason


def test_a_narrative_date_is_not_the_sentence_own_span():
    wide = TimeSpan(date(2016, 5, 5), date(2016, 6, 4), "month", "on May 5", "narrative date")
    assert not view(_m("m1", 3, time=wide)).own_span


def test_last_month_name_is_the_latest_such_month_before_publication():
    ts = resolve_date("last November", date(2016, 5, 6))
    assert (ts.start, ts.end, ts.precision) == (date(2015, 11, 1), date(2015, 11, 30), "month")
    ts = resolve_date("last May", date(2016, 5, 20))
    assert ts.start == date(2015, 5, 1)
    ts = resolve_date("last March", date(2016, 5, 20))
    assert ts.start == date(2016, 3, 1)
