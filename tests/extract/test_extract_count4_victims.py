"""Victim words and figures added in the fourth session: who the dead are and how many.
All sentences are written for these tests."""

from __future__ import annotations

from deathtoll.extract import extract_mentions
from deathtoll.model import Document


def _claims(nlp, text: str) -> list[tuple[int, str]]:
    ms = extract_mentions(Document(doc_id="c4", text=text, source="Test Wire"), nlp=nlp)
    return [(c.value, c.victim_kind) for m in ms for c in m.claims if c.kind == "killed"]


def test_citizens_are_civilians(nlp):
    found = _claims(nlp, "A mortar shell fell on the old market, killing 4 citizens and injuring 9 others.")
    assert (4, "civilian") in found, found
