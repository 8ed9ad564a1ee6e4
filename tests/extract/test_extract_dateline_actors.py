"""A dateline's year is no victim count, and an armed side named before a settlement or
base noun holds the place that was hit ("an IS town", "a rebel village"), it did not act.
All sentences are written for these tests."""

from __future__ import annotations

import pytest

from extract_samples import perpetrator_of


def test_actor_after_a_dateline_year_acts(nlp):
    text = "Tue 03 Mar 2015 US-led Coalition Strikes Kill 12 Civilians in Northern Syria. Rescuers searched the rubble."
    assert perpetrator_of(nlp, text) == "international_coalition"


def test_actor_after_a_count_is_still_the_victims_side(nlp):
    text = "Rebels shelled the base on Friday, killing 14 regime soldiers, a monitor said."
    assert perpetrator_of(nlp, text) != "syrian_government"


@pytest.mark.parametrize("place", ["an IS town", "a rebel village", "an IS camp"])
def test_actor_before_a_settlement_noun_is_the_target(nlp, place):
    text = f"Barrel bombs fell on {place} east of Hama on Friday, killing nine civilians, medics said."
    assert perpetrator_of(nlp, text) not in ("islamic_state", "syrian_opposition")
