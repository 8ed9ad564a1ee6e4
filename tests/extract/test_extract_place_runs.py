"""Place runs the NER misses (names run together without commas, "X province" after a
possessive country) and target cues ("held by"), weapon words composed with a side.
All sentences are written for these tests."""

from __future__ import annotations

import pytest

from deathtoll.extract import extract_mentions
from deathtoll.extract.lexicon import load_lexicon
from deathtoll.geo import get_gazetteer
from deathtoll.model import Document


def _mentions(nlp, text: str):
    gaz = get_gazetteer()
    return extract_mentions(Document(doc_id="p", text=text, source="Test Wire"), nlp=nlp, is_place=gaz.is_place)


def _own_places(m) -> list[str]:
    return [t.text for t in m.place_texts if m.start <= t.start < m.end]


def test_run_of_two_names_without_comma_keeps_the_first_place(nlp):
    ms = _mentions(nlp, "Government jets struck a market in Aleppo Syria killing nine shoppers on Friday.")
    assert ms and "Aleppo" in _own_places(ms[0])


def test_name_before_province_word_is_a_place(nlp):
    ms = _mentions(nlp, "Seven farmers were killed when shells fell on a village in Syrias northern Hama province.")
    assert ms and any(p.endswith("Hama province") for p in _own_places(ms[0]))


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Rebel mortar fire hit the square.", "syrian_opposition"),
        ("Regime barrel bomb attacks hit the clinic.", "syrian_government"),
    ],
)
def test_weapon_words_composed_with_a_side(text, actor):
    assert actor in [a.actor_id for _, _, a in load_lexicon().find_actors(text)]


def test_holder_of_the_hit_town_is_not_the_doer(nlp):
    ms = _mentions(
        nlp, "Regime barrel bomb attacks killed twelve civilians in a market of a town held by the Islamic State group."
    )
    assert ms and ms[0].perpetrator.actor_id == "syrian_government"


def test_name_of_a_bar_is_not_cut_down_to_a_place(nlp):
    ms = _mentions(nlp, "Two men were killed in a shooting at the Midtown Tap late Friday, police said.")
    assert ms and "Midtown" not in _own_places(ms[0])
