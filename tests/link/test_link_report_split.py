"""One report's own mentions of its incident are not kept apart by evidence that only
looks like a conflict: two allies named for one raid (Syrian government and Russian
warplanes), and a sentence whose only place is a country other than the report's scene."""

from __future__ import annotations

from datetime import date

from deathtoll.link.cluster import link_mentions
from deathtoll.link.config import load_config
from deathtoll.link.features import view
from deathtoll.link.score import pair_verdict, quick_conflict, score_pair
from deathtoll.model import Actor, Place, stable_id
from deathtoll.pipeline import _fresh_id

from link_samples import ARMY, IS, claim, mention

RUSSIA = Actor("russia", "Russian forces", "state")
# a market town in Idlib province and a country-only place (precision 6)
SARAQIB = Place("Saraqib", admin1="Idlib", country="Syria", country_code="SY", lat=35.864, lon=36.806, geonameid=163137)
JORDAN = Place("Jordan", country="Jordan", country_code="JO", lat=31.0, lon=36.0, precision=6)
DAY = date(2016, 3, 9)


def _raid(mid, doc, actor, place=SARAQIB, killed=14):
    return mention(mid, doc, etype="air_strike", actor=actor, place=place, when=DAY,
                   claims=[claim(killed, killed, killed, doc=doc)], victims="civilian")


def test_allied_perpetrators_are_no_conflict():
    # "regime warplanes struck the market ..." and "Russian jets hit Saraqib ..." in one report
    a, b = _raid("m-1", "d1", ARMY), _raid("m-2", "d1", RUSSIA)
    cfg = load_config()
    assert not quick_conflict(view(a), view(b), cfg)
    prob, conflict = pair_verdict(view(a), view(b), cfg)
    assert not conflict and prob > cfg.weights["score"]["link_threshold"]
    assert "allied perpetrators" in score_pair(view(a), view(b), cfg).reason


def test_allies_in_one_report_stay_together_beside_other_reports():
    # another report attributes the raid to the regime, a third to Russia: the first
    # report's two sentences still end in one event
    ms = [_raid("m-1", "d1", ARMY), _raid("m-2", "d1", RUSSIA),
          _raid("m-3", "d2", ARMY), _raid("m-4", "d3", RUSSIA)]
    clusters = link_mentions(ms, config=load_config())
    holding = [c for c in clusters if "m-1" in c.mention_ids]
    assert "m-2" in holding[0].mention_ids


def test_perpetrators_that_are_not_allies_still_conflict():
    a, b = _raid("m-1", "d1", ARMY), _raid("m-2", "d1", IS)
    cfg = load_config()
    assert quick_conflict(view(a), view(b), cfg)
    assert pair_verdict(view(a), view(b), cfg)[1]


def test_a_country_named_in_the_report_is_not_another_scene():
    # "Jordan condemned the raid that killed 14 ..." beside "14 civilians died in Saraqib"
    scene, named = _raid("m-1", "d1", ARMY), _raid("m-2", "d1", ARMY, place=JORDAN)
    cfg = load_config()
    assert not quick_conflict(view(scene), view(named), cfg)
    prob, conflict = pair_verdict(view(scene), view(named), cfg)
    assert not conflict and prob > cfg.weights["score"]["link_threshold"]
    assert "a country named in the report (Jordan vs Saraqib)" in score_pair(view(scene), view(named), cfg).reason
    clusters = link_mentions([scene, named], config=cfg)
    assert len(clusters) == 1


def test_a_country_in_another_report_still_differs():
    # across reports a country-only place abroad is still another country
    scene, other = _raid("m-1", "d1", ARMY), _raid("m-2", "d2", ARMY, place=JORDAN)
    cfg = load_config()
    assert quick_conflict(view(scene), view(other), cfg)
    assert "different countries" in score_pair(view(scene), view(other), cfg).reason


def test_two_countries_in_one_report_still_differ():
    iraq = Place("Iraq", country="Iraq", country_code="IQ", lat=33.0, lon=44.0, precision=6)
    a, b = _raid("m-1", "d1", ARMY, place=JORDAN), _raid("m-2", "d1", ARMY, place=iraq)
    assert pair_verdict(view(a), view(b), load_config())[1]


def test_a_fresh_event_id_never_repeats_one_already_given():
    # a re-link gave the old event (made from m-7's id) to a bigger cluster; m-7 alone
    # now needs another id
    taken = {stable_id("ev-", "m-7")}
    eid = _fresh_id(("m-7",), taken)
    assert eid not in taken and eid.startswith("ev-")
    assert _fresh_id(("m-7",), taken | {eid}) not in taken | {eid}
    assert _fresh_id(("m-7", "m-9"), taken) == stable_id("ev-", "m-9")
    assert _fresh_id(("m-7",), set()) == stable_id("ev-", "m-7")
