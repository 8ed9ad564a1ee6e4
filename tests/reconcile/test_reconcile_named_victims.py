"""Rule v5: accounts of victims named one by one are lower bounds; with nothing but them the
best is the largest. Claims are our own."""

from __future__ import annotations

from reconcile_samples import claim, mention

from deathtoll.reconcile import reconcile


def test_named_victims_only_take_the_largest_account():
    # report 1: "a mother, a father and their toddler were found dead"; reports 2 and 3 only
    # speak of "the boy, who died in hospital"
    r = reconcile([mention("m1", "d1", claim("a", 3, None, 3, "named", doc="d1")),
                   mention("m2", "d2", claim("b", 1, None, 1, "named", doc="d2")),
                   mention("m3", "d3", claim("c", 1, None, 1, "named", doc="d3"))])
    assert (r.fatalities.low, r.fatalities.best) == (1, 3)
    assert any("named-victim" in n for n in r.notes)


def test_a_stated_figure_still_sets_the_toll_by_the_median():
    # "two people were killed" in two reports beside a third naming three victims
    r = reconcile([mention("m1", "d1", claim("a", 2, 2, 2, doc="d1")),
                   mention("m2", "d2", claim("b", 2, 2, 2, doc="d2")),
                   mention("m3", "d3", claim("c", 3, None, 3, "named", doc="d3"))])
    assert r.fatalities.best == 2


def test_named_wounded_take_the_largest_account_too():
    r = reconcile([mention("m1", "d1", claim("a", 2, None, 2, "named", doc="d1", kind="injured")),
                   mention("m2", "d2", claim("b", 1, None, 1, "named", doc="d2", kind="injured"))])
    assert r.injured.best == 2
