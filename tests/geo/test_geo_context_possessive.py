"""A country in the possessive ("Syria's", scraped as "Syrias") counts as that country in
a text's context, even where the place after it is not found by its own name."""

from __future__ import annotations

import pytest

from deathtoll.geo import get_gazetteer


@pytest.mark.parametrize("text", ["Shells hit Syrias Deir ezzor on Monday", "Shells hit Syria's Deir ezzor on Monday"])
def test_country_possessive_is_a_country_cue(text):
    assert get_gazetteer().context(text).countries["SY"] > 0


def test_plural_word_that_is_no_country_adds_nothing():
    assert not get_gazetteer().context("Shells hit the Walnuts farm on Monday").countries
