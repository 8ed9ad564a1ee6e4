"""'Shot' alone with the word 'victims' (fifth session). All sentences are written for these tests."""

from __future__ import annotations

from extract_samples import tolls


def test_victims_who_were_shot_are_hit_not_dead(nlp):
    assert tolls(nlp, "Two victims were shot at the bus stop on Friday night.") == [("injured", 2)]


def test_victims_shot_before_a_suicide_are_dead(nlp):
    assert tolls(nlp, "Three victims were shot before the gunman committed suicide.") == [("killed", 3)]
