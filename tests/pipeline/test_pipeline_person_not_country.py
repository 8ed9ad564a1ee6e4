"""A person's given name or surname that is also a foreign place is no country cue."""

from __future__ import annotations

from deathtoll.pipeline import Pipeline
from deathtoll.model import Document

TEXT = ("Jordan Tate, 17, was shot on Elm Street on Friday. Jordan was a junior at the high school, "
        "his coach said. Police said Jordan had been walking home.")


def test_given_name_alone_makes_a_foreign_country_hint() -> None:
    # without knowing who the report names, "Jordan" three times reads as the country
    assert Pipeline().document_country(Document(doc_id="p1", text=TEXT)) == "JO"


def test_named_person_words_are_not_place_cues() -> None:
    assert Pipeline().document_country(Document(doc_id="p1", text=TEXT), ("jordan tate",)) is None


def test_a_country_named_as_a_place_still_counts() -> None:
    text = "Two soldiers died in Jordan on Friday. Jordan said the border post was hit. Ann Lee reported from Amman."
    assert Pipeline().document_country(Document(doc_id="p2", text=text), ("ann lee",)) == "JO"
