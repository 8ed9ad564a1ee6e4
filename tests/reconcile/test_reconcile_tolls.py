"""Behaviour of deathtoll.reconcile.reconcile on hand-built claims."""

from __future__ import annotations

from reconcile_samples import claim, mention

from deathtoll.model import Toll
from deathtoll.reconcile import reconcile


def _tabqa():
    a = mention("m1", "dA",
                claim("c1", 160, None, 160, "more than", doc="dA", claimant="Wire agency"),
                # the same report relays another source: "some reports put it at around 250"
                claim("c2", 225, 275, 250, "around", doc="dA", claimant="Some reports",
                      quote="Some reports put the number at around 250."))
    b = mention("m2", "dB", claim("c3", 180, 220, 200, "around", doc="dB", claimant_kind="perpetrator"))
    c = mention("m3", "dC", claim("c4", 375, None, 375, "at least", doc="dC", claimant_kind="monitor"))
    return [a, b, c]


def test_tabqa_like_claims():
    r = reconcile(_tabqa())
    f = r.fatalities
    assert (f.low, f.best, f.high) == (160, 250, 375)
    assert f.n_claims == 3  # the perpetrator's figure is not used
    assert r.rule.startswith("deathtoll.reconcile.v")
    assert any("perpetrator" in n and "c3" in n for n in r.notes)
    assert any("open-ended" in n for n in r.notes)
    # "around 250" and "at least 375" cannot both be true; the perpetrator claim is not checked
    assert {(x.claim_a, x.claim_b) for x in r.contradictions} == {("c2", "c4")}
    assert r.victims == {}


def test_order_of_mentions_does_not_matter():
    ms = _tabqa()
    assert reconcile(ms) == reconcile(list(reversed(ms)))


def test_palmyra_two_documents_consistent():
    r = reconcile([mention("m1", "d1", claim("p1", 25, 25, 25, doc="d1")),
                   mention("m2", "d2", claim("p2", 26, None, 25, "more than", doc="d2"))])
    assert r.fatalities == Toll(25, 25, 26, 2)
    assert r.contradictions == ()  # 25 vs "more than 25" is reporting variation


def test_contradictions_flagged_with_both_ids():
    r = reconcile([mention("m1", "d1", claim("x1", 25, 25, 25, doc="d1")),
                   mention("m2", "d2", claim("x2", 40, 40, 40, doc="d2")),
                   mention("m3", "d3", claim("x3", 41, 41, 41, doc="d3"))])
    pairs = {(x.claim_a, x.claim_b) for x in r.contradictions}
    assert pairs == {("x1", "x2"), ("x1", "x3")}  # 40 vs 41 is within 10%
    assert all(x.group == "fatalities" and "do not overlap" in x.reason for x in r.contradictions)
    f = r.fatalities
    assert f.low <= f.best <= f.high


def test_at_most_vs_at_least_is_a_contradiction():
    r = reconcile([mention("m1", "d1", claim("u1", None, 10, 10, "at most", doc="d1")),
                   mention("m2", "d2", claim("u2", 30, None, 30, "at least", doc="d2"))])
    assert [(x.claim_a, x.claim_b) for x in r.contradictions] == [("u1", "u2")]


def test_different_victim_kinds_do_not_contradict():
    r = reconcile([mention("m1", "d1", claim("v1", 10, 10, 10, doc="d1", victim_kind="civilian"),
                           claim("v2", 50, 50, 50, doc="d1", victim_kind="combatant"))])
    assert r.contradictions == ()
    assert r.victims["civilians"] == Toll(10, 10, 10, 1)
    assert r.victims["combatants"] == Toll(50, 50, 50, 1)
    assert "prisoners" not in r.victims


def test_perpetrator_only():
    r = reconcile([mention("m1", "d1", claim("p", 180, 220, 200, "around", claimant_kind="perpetrator"))])
    assert r.fatalities == Toll(180, 200, 220, 1)
    assert any("perpetrator-only" in n for n in r.notes)


def test_subgroup_raises_total_but_does_not_set_it():
    r = reconcile([mention("m1", "d1", claim("t", 8, None, 8, "at least"),
                           claim("k", 11, 11, 11, subgroup="children"))])
    assert r.victims["children"] == Toll(11, 11, 11, 1)
    assert r.fatalities.low == 11 and r.fatalities.high >= 11
    assert any("lower bound on the total" in n for n in r.notes)


def test_subgroup_only_gives_open_total():
    r = reconcile([mention("m1", "d1", claim("k", 11, 11, 11, subgroup="children"),
                           claim("w", 4, 4, 4, subgroup="women"))])
    assert r.fatalities == Toll(11, 11, None, 0)
    assert set(r.victims) == {"children", "women"}


def test_mention_victim_kind_inherited_and_injured_and_missing():
    r = reconcile([mention("m1", "d1", claim("a", 12, 12, 12), claim("b", 30, 30, 30, kind="injured"),
                           claim("c", 5, 5, 5, kind="missing"), victims="civilian")])
    assert r.victims["civilians"] == Toll(12, 12, 12, 1)
    assert r.injured == Toll(30, 30, 30, 1)
    assert r.fatalities == Toll(12, 12, 12, 1)
    assert any("missing" in n and "c" in n for n in r.notes)


def test_duplicate_claim_ids_count_once_and_empty_input():
    c = claim("same", 7, 7, 7)
    assert reconcile([mention("m1", "d1", c), mention("m2", "d1", c)]).fatalities.n_claims == 1
    empty = reconcile([])
    assert empty.fatalities == Toll(None, None, None, 0) and empty.victims == {}


def test_vague_word_not_used_when_figures_exist():
    r = reconcile([mention("m1", "d1", claim("v", 24, None, None, "dozens"), claim("n", 30, 30, 30))])
    assert r.fatalities == Toll(30, 30, 30, 1)
    assert r.contradictions == ()


def test_civilian_children_and_women_are_a_lower_bound_on_the_civilians():
    only_children = reconcile([mention("m1", "d1", claim("k", 11, None, 11, "at least", subgroup="children",
                                                           victim_kind="civilian"))])
    assert only_children.victims["civilians"] == Toll(11, 11, None, 0)
    more = reconcile([mention("m1", "d1", claim("c", 5, 5, 5, victim_kind="civilian"),
                              claim("w", 7, 7, 7, subgroup="women", victim_kind="civilian"))])
    assert more.victims["civilians"].low == 7 and more.victims["women"].low == 7
    assert any("civilians: low raised from 5 to 7" in n for n in more.notes)
    fighters = reconcile([mention("m1", "d1", claim("w", 4, 4, 4, subgroup="women", victim_kind="combatant"))])
    assert "civilians" not in fighters.victims  # women described as fighters are not civilians
