"""A capital standing for its government ("Damascus denounced", "its Damascus ally") is no
place of the event. All sentences are written for these tests."""

from __future__ import annotations

from deathtoll.extract import extract_mentions
from deathtoll.geo import get_gazetteer
from deathtoll.model import Document


def _places(nlp, text: str, title: str | None = None) -> list[str]:
    doc = Document(doc_id="pm", text=text, title=title, source="Test Wire")
    ms = extract_mentions(doc, nlp=nlp, is_place=get_gazetteer().is_place)
    assert ms
    return [t.text for m in ms for t in m.place_texts]


def test_capital_as_speaker_is_no_place(nlp):
    text = ("A rocket attack killed seven villagers in Khan Sheikhun on Monday, a monitor said. "
            "Damascus denied any role in the attack.")
    found = _places(nlp, text)
    assert any("Khan Sheikhun" in p for p in found)
    assert not any(p.endswith("Damascus") for p in found), found


def test_capital_as_ally_is_no_place(nlp):
    text = ("Air raids killed nine people in Saraqib on Friday, rescuers said, and Moscow "
            "defended its Damascus ally at the United Nations.")
    found = _places(nlp, text)
    assert not any(p.endswith("Damascus") for p in found), found


def test_capital_as_place_stays_a_place(nlp):
    text = "A car bomb killed five people in Damascus on Sunday, state media said."
    assert any(p.endswith("Damascus") for p in _places(nlp, text))

