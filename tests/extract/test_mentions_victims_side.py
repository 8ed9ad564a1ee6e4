"""Whose deaths a sentence's figures are: a figure beside counted fighters is not read as
civilians by the "people in an attack" convention, and a total that counts a part of
its victims apart is of no single side. All sentences are written for these tests."""

from __future__ import annotations

import pytest

from deathtoll.extract import extract_mentions
from deathtoll.model import Document


def _mentions(nlp, text: str):
    return extract_mentions(Document(doc_id="vs1", text=text, source="Test Wire"), nlp=nlp)


def _claims(nlp, text: str) -> list[tuple[int, str]]:
    return [(c.value, c.victim_kind) for m in _mentions(nlp, text) for c in m.claims if c.kind in ("killed", "executed")]


@pytest.mark.parametrize(
    "text, figure",
    [
        ("The car bomb killed 28 militiamen at the gate the monitor said updating an earlier toll on Friday of nine.", 9),
        ("The suicide bombing killed 40 rebels near the crossing the group said updating an earlier toll of 12.", 12),
    ],
)
def test_a_figure_beside_counted_fighters_is_not_civilian(nlp, text, figure):
    found = _claims(nlp, text)
    assert (figure, "civilian") not in found, found


def test_people_in_a_bombing_without_fighters_stay_civilians(nlp):
    found = _claims(nlp, "The car bomb killed nine people at the market, the monitor said.")
    assert (9, "civilian") in found, found
