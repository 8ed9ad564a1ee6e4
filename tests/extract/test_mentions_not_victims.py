"""People named as sources or suspects are not victims. Sentences are our own."""

from __future__ import annotations

from extract_samples import tolls


def test_people_after_according_to_are_sources(nlp) -> None:
    text = "A woman was fatally shot in Marlow on Sunday, according to Sheriff Tom Dale and an officer from the state police."
    assert tolls(nlp, text) == [("killed", 1)]


def test_people_arrested_are_suspects(nlp) -> None:
    assert tolls(nlp, "Police arrested three men for the girl's death in Marlow.") == []
    assert tolls(nlp, "Police arrested a man for killing two people in Marlow on Sunday.") == [("killed", 2)]
