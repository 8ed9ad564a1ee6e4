"""Place runs after a locative: a place before a country in the possessive ("Aleppo Syrias
second city") and a name opened by a lowercase Arabic article ("the town of al-Bab").
All sentences are written for these tests."""

from __future__ import annotations


from deathtoll.extract import extract_mentions
from deathtoll.geo import get_gazetteer
from deathtoll.model import Document


def _own_places(nlp, text: str) -> list[str]:
    ms = extract_mentions(Document(doc_id="p4", text=text, source="Test Wire"), nlp=nlp, is_place=get_gazetteer().is_place)
    assert ms
    return [t.text for t in ms[0].place_texts if ms[0].start <= t.start < ms[0].end]


def test_place_before_possessive_country_apposition(nlp):
    text = "Nine shoppers were killed on Friday in a raid on a market in Aleppo Syrias second city a rescue group said."
    assert "Aleppo" in _own_places(nlp, text)


def test_lowercase_article_after_town_of_is_a_place(nlp):
    assert "al-Bab" in _own_places(nlp, "Shelling killed six people in the town of al-Bab on Monday, activists said.")
