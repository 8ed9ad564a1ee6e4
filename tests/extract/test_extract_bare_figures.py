"""Bare death figures (no noun after the figure) whose side the report does not name
(issue 3, seventh session): in an air strike or an attack they are the monitors' civilians
when the report says a place where people live was hit and names no military target or
fighters (victims.json ``rules.bare_figures``); in a massacre they always are. A headline's
bare figure does not take its side from the next sentence's first word; suicide bombers
killed are combatants. All sentences are written for these tests."""

from __future__ import annotations

import pytest

from extract_samples import claims_by_side as _claims


@pytest.mark.parametrize(
    "text, value",
    [
        # the place hit is in the toll's own sentence
        ("Warplanes struck the main market of the hill town on Friday, and the death toll from the raids was 29,"
         " a local doctor said.", 29),
        # ... in the sentence before it
        ("Jets pounded the eastern districts of the city overnight. A rescue worker said the death toll from the"
         " strikes was 45.", 45),
        # ... in a headline's attack on a village
        ("14 Killed as Jihadist Group Attacks Border Village", 14),
    ],
)
def test_a_bare_figure_of_a_strike_on_a_place_is_civilian(nlp, text, value):
    found = _claims(nlp, text)
    assert ("killed", value, "civilian") in found, found


@pytest.mark.parametrize(
    "text, value",
    [
        # the strike was aimed at the group's positions
        ("Air strikes on the group's positions near the village killed 30, a monitor said.", 30),
        # nothing says what was hit
        ("Air strikes killed 30 on Sunday, a monitor said.", 30),
        # the sentence before names fighters as what was hit
        ("Jets hit rebel fighters dug in on the edge of the city on Sunday. A monitor said the death toll from"
         " the strikes was 45.", 45),
    ],
)
def test_a_bare_figure_of_a_strike_on_fighters_or_nothing_named_stays_unknown(nlp, text, value):
    found = _claims(nlp, text)
    assert ("killed", value, "unknown") in found, found


def test_a_bare_figure_of_a_massacre_is_civilian(nlp):
    found = _claims(nlp, "Pro-government militiamen committed a massacre in the hamlet on Sunday, killing 23, a monitor said.")
    assert ("killed", 23, "civilian") in found, found


def test_a_headline_figure_does_not_take_the_next_sentences_doers_as_its_victims(nlp):
    text = ("Mon Jul 11 2016 Harbour Town Attack Leaves 30 Killed & Injured. Terrorists fired dozens of rockets into"
            " the harbour district on Monday.")
    found = _claims(nlp, text)
    assert ("killed", 30, "combatant") not in found and any(v == 30 for _, v, _ in found), found


def test_suicide_bombers_killed_are_combatants(nlp):
    found = _claims(nlp, "Guards at the gate shot dead four suicide bombers before they reached the crowd, police said.")
    assert ("killed", 4, "combatant") in found, found
