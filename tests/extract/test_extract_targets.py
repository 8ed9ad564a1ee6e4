"""Target cues with words between the cue and the name: "the so-called", a short descriptor
ending in "group", "the stronghold of". The side named there was hit, it did not act.
All sentences are written for these tests."""

from __future__ import annotations

from extract_samples import perpetrator_of


def test_so_called_group_after_against_is_the_target(nlp):
    text = "Eight farmers were killed on Monday in raids against the so-called Nusra Front near a village, medics said."
    assert perpetrator_of(nlp, text) != "nusra_front"


def test_stronghold_of_the_extremist_group_is_the_target(nlp):
    text = "Five civilians were killed at dawn in shelling on the stronghold of the extremist group ISIS, a monitor said."
    assert perpetrator_of(nlp, text) != "islamic_state"


def test_group_named_as_subject_still_acts(nlp):
    text = "The Nusra Front killed six soldiers in an ambush near the highway on Sunday, a monitor said."
    assert perpetrator_of(nlp, text) == "nusra_front"
