"""People named as sources or suspects are not victims. Sentences are our own."""

from __future__ import annotations

from deathtoll.extract import extract_mentions
from deathtoll.model import Document


def tolls(nlp, text: str) -> list[tuple[str, int]]:
    ms = extract_mentions(Document(doc_id="nv", text=text, published="2016-05-02"), nlp=nlp)
    return sorted((c.kind, c.value) for m in ms for c in m.claims)


def test_people_after_according_to_are_sources(nlp) -> None:
    text = "A woman was fatally shot in Marlow on Sunday, according to Sheriff Tom Dale and an officer from the state police."
    assert tolls(nlp, text) == [("killed", 1)]


def test_people_arrested_are_suspects(nlp) -> None:
    assert tolls(nlp, "Police arrested three men for the girl's death in Marlow.") == []
    assert tolls(nlp, "Police arrested a man for killing two people in Marlow on Sunday.") == [("killed", 2)]
