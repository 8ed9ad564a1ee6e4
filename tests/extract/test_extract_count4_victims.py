"""Victim words and figures added in the fourth session: who the dead are and how many.
All sentences are written for these tests."""

from __future__ import annotations

from deathtoll.extract import extract_mentions
from deathtoll.model import Document


def _claims(nlp, text: str) -> list[tuple[int, str]]:
    ms = extract_mentions(Document(doc_id="c4", text=text, source="Test Wire"), nlp=nlp)
    return [(c.value, c.victim_kind) for m in ms for c in m.claims if c.kind == "killed"]


def test_a_bare_bombing_toll_followed_by_an_adverb_is_civilian(nlp):
    found = _claims(nlp, "A car bomb tore through the crowded market. Local police put the death toll at 12 earlier.")
    assert (12, "civilian") in found, found


def test_a_bare_figure_followed_by_killed_in_a_gas_attack_is_civilian(nlp):
    found = _claims(nlp, "Opposition groups say 240 killed in the poison gas attack on the suburb.")
    assert (240, "civilian") in found, found


def test_vague_dozens_killed_stay_unknown(nlp):
    found = _claims(nlp, "The car bomb in the square left dozens killed and injured.")
    assert all(k != "civilian" for _, k in found), found
