"""Rule v3: one account per source and document (subsets and earlier tolls set nothing)."""

from __future__ import annotations

from reconcile_samples import claim, mention

from deathtoll.model import Toll
from deathtoll.reconcile import reconcile
from deathtoll.reconcile.rules import accounts


def test_subset_in_the_same_report_does_not_drag_the_toll():
    # "Four people died ... one of the four was a teenager": one account, 4
    r = reconcile([mention("m1", "d1", claim("a", 4, 4, 4, doc="d1"), claim("b", 1, 1, 1, doc="d1"))])
    assert r.fatalities == Toll(4, 4, 4, 2)
    assert any("not used" in n for n in r.notes)


def test_toll_that_rose_counts_its_latest_figure_once():
    # one report: "two were killed" early, "the toll rose to five" later; another says 5
    r = reconcile([mention("m1", "d1", claim("a", 2, 2, 2, doc="d1"), claim("b", 5, 5, 5, doc="d1")),
                   mention("m2", "d2", claim("c", 5, 5, 5, doc="d2"))])
    assert (r.fatalities.low, r.fatalities.best, r.fatalities.high) == (5, 5, 5)


def test_separate_documents_keep_their_own_accounts():
    # an early report with 2 and a later one with 5: low is the conservative account
    r = reconcile([mention("m1", "d1", claim("a", 2, 2, 2, doc="d1")),
                   mention("m2", "d2", claim("b", 5, 5, 5, doc="d2")),
                   mention("m3", "d3", claim("c", 5, 5, 5, doc="d3"))])
    assert (r.fatalities.low, r.fatalities.best, r.fatalities.high) == (2, 5, 5)


def test_relayed_source_is_its_own_account():
    r = reconcile([mention("m1", "d1", claim("a", 30, None, 30, "at least", doc="d1", claimant="The agency",
                                             quote="At least 30 people died in the blast."),
                           claim("b", 36, 44, 40, "around", doc="d1", claimant="Local media", claimant_kind="media",
                                 quote="Local media put the toll at around 40."))])
    assert (r.fatalities.low, r.fatalities.best, r.fatalities.high) == (30, 35, 44)


def test_claimant_names_compare_case_and_space_insensitively():
    cs = [claim("a", 3, 3, 3, doc="d1", claimant="State  Police", quote="State Police said three died."),
          claim("b", 1, 1, 1, doc="d1", claimant="state police", quote="One was a driver, state police said.")]
    assert [c.claim_id for c in accounts(cs, lambda d: d)] == ["a"]


def test_own_voice_joins_the_quoted_authority():
    # report 1: "Two men were killed, officers said"; report 2 (the outlet's own words):
    # "two men were killed at the scene", then "the coroner said the toll rose to three"
    r = reconcile([mention("m1", "d1", claim("a", 2, 2, 2, doc="d1", claimant="officers", claimant_kind="official",
                                             quote="Two men were killed, officers said.")),
                   mention("m2", "d2", claim("b", 2, 2, 2, doc="d2", claimant="Daily Bugle",
                                             quote="Two men were killed at the scene."),
                           claim("c", 3, 3, 3, doc="d2", claimant="the coroner", claimant_kind="official",
                                 quote="The toll rose to three, the coroner said."))])
    assert (r.fatalities.low, r.fatalities.best, r.fatalities.high) == (2, 3, 3)


def test_own_voice_without_authority_is_its_own_account():
    cs = [claim("a", 160, None, 160, "more than", doc="d1", claimant="Wire", quote="More than 160 were shot dead."),
          claim("b", 225, 275, 250, "around", doc="d1", claimant="Some reports", claimant_kind="media",
                quote="Some reports put it at around 250.")]
    assert [c.claim_id for c in accounts(cs, lambda d: d)] == ["a", "b"]
    assert accounts(cs[:1], lambda d: d) == cs[:1]


def test_attribution_is_read_from_the_quote():
    from deathtoll.reconcile.rules import is_attributed
    assert is_attributed(claim("a", 1, 1, 1, claimant="Police", quote="One died, police  said."))
    assert not is_attributed(claim("a", 1, 1, 1, claimant="example.com", quote="One man died."))
    assert not is_attributed(claim("a", 1, 1, 1, quote="One man died."))


def test_copies_of_one_wire_story_are_one_account():
    ms = [mention("m1", "d1", claim("a", 6, 6, 6, doc="d1")),
          mention("m2", "d2", claim("b", 6, 6, 6, doc="d2")),
          mention("m3", "d3", claim("c", 6, 6, 6, doc="d3")),
          mention("m4", "d4", claim("d", 9, 9, 9, doc="d4")),
          mention("m5", "d5", claim("e", 9, 9, 9, doc="d5"))]
    # without origins: 6, 6, 6, 9, 9 -> 6; d1..d3 are one wire story: 6, 9, 9 -> 9
    assert reconcile(ms).fatalities.best == 6
    assert reconcile(ms, origins={"d2": "d1", "d3": "d1"}).fatalities.best == 9


def test_account_prefers_the_stated_figure_over_a_vague_word():
    r = reconcile([mention("m1", "d1", claim("a", 24, 99, 36, "dozens", doc="d1"), claim("b", 12, 12, 12, doc="d1"))])
    assert r.fatalities == Toll(12, 12, 12, 1)


def test_injured_use_accounts_too():
    r = reconcile([mention("m1", "d1", claim("a", 3, 3, 3, doc="d1", kind="injured"),
                           claim("b", 1, 1, 1, doc="d1", kind="injured"))])
    assert r.injured == Toll(3, 3, 3, 2)


def test_perpetrator_subset_still_not_used():
    r = reconcile([mention("m1", "d1", claim("a", 7, 7, 7, doc="d1"),
                           claim("b", 20, 20, 20, doc="d1", claimant_kind="perpetrator"))])
    assert r.fatalities == Toll(7, 7, 7, 1)


def test_excluding_the_high_claim_restores_the_lower_account():
    # an analyst excludes a misread figure: the rule runs on the remaining claims
    a, b = claim("a", 2, 2, 2, doc="d1"), claim("b", 30, 30, 30, doc="d1")
    assert reconcile([mention("m1", "d1", a, b)]).fatalities.best == 30
    assert reconcile([mention("m1", "d1", a)]).fatalities.best == 2
