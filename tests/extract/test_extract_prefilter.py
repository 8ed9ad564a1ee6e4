"""The prefilter: strong triggers let a text through alone; "shot" and "body" only where
a cue around them reads as gunfire or the dead (resources/prefilter.json)."""

from __future__ import annotations

import pytest

from deathtoll.extract import is_relevant
from deathtoll.extract.prefilter import weak_trigger_cues


@pytest.mark.parametrize("text", [
    "Dana Ruiz levelled the match with a curling shot from twenty yards.",
    "The documentary, shot over two winters in Tromso, opens next month.",
    "The sport's governing body will vote on the new rules in March.",
    "A large body of cold air will settle over the valley this weekend.",
    "She took her first shot at the title after years as an understudy.",
    "Astronomers catalogued the bodies orbiting the distant star.",
    "Shots on target: home side 7, visitors 2.",
])
def test_ordinary_uses_of_shot_and_body_are_dropped(text):
    assert not is_relevant(text)


@pytest.mark.parametrize("text", [
    "A 15-year-old was shot outside a corner shop on Elm Street late Friday.",
    "Two men were shot and one later died, police said.",
    "Officers found a woman shot in the chest in her car.",
    "A teen shot in Eastfield is in stable condition.",
    "The gunman shot a store clerk before fleeing on foot.",
    "Neighbours heard several shots shortly after midnight.",
    "Shots were fired at a passing bus on Route 9.",
    "Hikers found the body of a missing man near the reservoir.",
    "The bodies of six villagers were found in a ditch.",
    "Rescuers recovered 14 bodies from the river.",
])
def test_gunfire_and_the_dead_get_through(text):
    assert is_relevant(text)


def test_a_strong_trigger_anywhere_keeps_a_text_with_an_ordinary_shot():
    text = "The striker's shot went wide. Later that night a bomb killed three people in the square."
    assert is_relevant(text)


def test_the_cue_must_cover_the_trigger_itself():
    # "was" and "shot" far apart: no cue spans the word
    assert not is_relevant("The game was tied for an hour until a late shot from distance settled it.")


def test_every_weak_trigger_has_cues():
    cues = weak_trigger_cues()
    assert {"shot", "body"} <= set(cues)
    assert all(rx.pattern for rx in cues.values())
