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


def test_the_town_of_a_name_the_ner_calls_a_person_is_a_place(nlp):
    """Written for this test: "the town of X" makes X a place whatever the NER tagged."""
    doc = Document(doc_id="pn-settle", text="The raid on the town of Khan Sheikhun killed at least 19 people, medics said.")
    ms = extract_mentions(doc, nlp=nlp, is_place=get_gazetteer().is_place)
    assert ms and any(t.text == "Khan Sheikhun" for t in ms[0].place_texts), ms


def test_a_province_word_stays_with_its_name(nlp):
    """Written for this test: "Idlib province" is read whole, so it means the province."""
    doc = Document(doc_id="pn-prov", text="Air strikes killed 12 people in Idlib province on Sunday, a monitor said.")
    ms = extract_mentions(doc, nlp=nlp, is_place=get_gazetteer().is_place)
    assert ms and any(t.text == "Idlib province" for t in ms[0].place_texts), ms
