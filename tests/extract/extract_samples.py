"""Helpers the extract tests share: run the extractor on one hand-written report."""

from __future__ import annotations

from deathtoll.extract import extract_mentions
from deathtoll.geo import get_gazetteer
from deathtoll.model import Document


def tolls(nlp, text: str) -> list[tuple[str, int]]:
    """(kind, value) of every claim the extractor finds in ``text``, sorted (published 2016-05-02)."""
    ms = extract_mentions(Document(doc_id="t", text=text, published="2016-05-02"), nlp=nlp)
    return sorted((c.kind, c.value) for m in ms for c in m.claims)


def perpetrator_of(nlp, text: str) -> str:
    """The actor id of the first mention in ``text`` (places looked up in the gazetteer)."""
    ms = extract_mentions(Document(doc_id="t", text=text, source="Test Wire"), nlp=nlp, is_place=get_gazetteer().is_place)
    assert ms
    return ms[0].perpetrator.actor_id


def claims_by_side(nlp, text: str) -> list[tuple[str, int, str]]:
    """(kind, value, victim kind) of every claim the extractor finds in ``text``, in order."""
    ms = extract_mentions(Document(doc_id="t", text=text, source="Test Wire"), nlp=nlp)
    return [(c.kind, c.value, c.victim_kind) for m in ms for c in m.claims]
