"""Rule v4: deaths supersede wounds (a victim wounded in one report and dead in a later one)."""

from __future__ import annotations

from reconcile_samples import claim, mention

from deathtoll.reconcile import reconcile
from deathtoll.reconcile.supersede import supersede_wounds


def test_wounded_child_who_later_died_is_not_also_counted_wounded():
    # night report: "a boy of six was badly hurt"; next day: "the six-year-old has died"
    r = reconcile([mention("m1", "d1", claim("a", 1, 1, 1, doc="d1", kind="injured")),
                   mention("m2", "d2", claim("b", 1, 1, 1, doc="d2"))])
    assert r.fatalities.best == 1
    assert r.injured.best == 0
    assert any("deaths supersede wounds" in n for n in r.notes)


def test_report_that_counts_all_the_dead_keeps_its_wounded():
    # "one man died and two others were wounded" next to a report of the death alone
    r = reconcile([mention("m1", "d1", claim("a", 1, 1, 1, doc="d1"), claim("b", 2, 2, 2, doc="d1", kind="injured")),
                   mention("m2", "d2", claim("c", 1, 1, 1, doc="d2"))])
    assert (r.fatalities.best, r.injured.best) == (1, 2)


def test_only_the_missing_deaths_are_taken_from_the_wounded():
    # early: "one dead, four hurt"; later: "two have now died"
    r = reconcile([mention("m1", "d1", claim("a", 1, 1, 1, doc="d1"), claim("b", 4, 4, 4, doc="d1", kind="injured")),
                   mention("m2", "d2", claim("c", 2, 2, 2, doc="d2")),
                   mention("m3", "d3", claim("d", 2, 2, 2, doc="d3"))])
    assert (r.fatalities.best, r.injured.best) == (2, 3)


def test_no_deaths_leaves_wounded_alone():
    wounded = [claim("a", 3, 3, 3, doc="d1", kind="injured")]
    out, notes = supersede_wounds(wounded, [], 0, lambda d: d)
    assert out == wounded and notes == []


def test_wounded_never_go_below_zero():
    out, _ = supersede_wounds([claim("a", 1, 1, 1, doc="d1", kind="injured")], [claim("b", 3, 3, 3, doc="d2")], 3,
                              lambda d: d)
    assert (out[0].low, out[0].value, out[0].high) == (0, 0, 0)
