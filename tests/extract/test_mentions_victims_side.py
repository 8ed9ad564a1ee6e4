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


@pytest.mark.parametrize(
    "text",
    [
        "At least 30 people including 11 civilians were killed when the car bomb went off near the bakery.",
        "Seven civilians were among 25 people killed in air strikes on the town, the monitor said.",
    ],
)
def test_a_total_that_counts_a_part_apart_is_of_no_one_side(nlp, text):
    # its unknown total must not take the side of the part, as a mention's unknown claims do
    ms = [m for m in _mentions(nlp, text) if any(c.kind == "killed" for c in m.claims)]
    assert ms and all(m.victim_kind != "civilian" for m in ms), [(m.victim_kind, m.claims) for m in ms]


def test_a_later_running_figure_is_not_a_part_counted_apart(nlp):
    ms = _mentions(nlp, "Air strikes killed at least 14 civilians in the city on Monday, bringing to 40 the number killed in two days.")
    assert ms and ms[0].victim_kind == "civilian", [(m.victim_kind, m.claims) for m in ms]


@pytest.mark.parametrize(
    "text, part, total",
    [
        ("Nine civilians including two boys were among at least 31 people killed in air raids on the district on Sunday.", 9, 31),
        ("Four civilians were among the 17 people killed when the car bomb exploded near the checkpoint, the monitor said.", 4, 17),
    ],
)
def test_a_part_among_a_total_is_counted_with_the_total_s_trigger(nlp, part, total, text):
    found = _claims(nlp, text)
    assert (part, "civilian") in found and (total, "civilian") not in found, found


@pytest.mark.parametrize(
    "text, not_dead",
    [
        ("The nerve gas strike claimed the lives of about 60 people and inflicted harm on another 300 villagers.", 300),
        ("The raid killed nine fighters and drove out 250 villagers from their homes.", 250),
    ],
)
def test_a_count_of_another_coordinated_verb_is_not_dead(nlp, text, not_dead):
    found = _claims(nlp, text)
    assert all(v != not_dead for v, _ in found), found


def test_a_coordinated_wound_verb_still_counts_its_wounded(nlp):
    from extract_samples import tolls
    found = tolls(nlp, "The shelling killed four people and wounded 11 others in the market.")
    assert ("killed", 4) in found and ("injured", 11) in found, found
