"""Tolls and victims the extractor used to miss (issue 3, sixth session): a toll whose figure
comes after a long "from ..." phrase, two sides' words sharing one person noun ("regime and
rebel fighters"), a bare figure closed by a comma, people executed without a side.
All sentences are written for these tests."""

from __future__ import annotations

import pytest

from extract_samples import claims_by_side as _claims


@pytest.mark.parametrize(
    "text",
    [
        "A war monitor on Tuesday raised the death toll from the air raids on a crowded vegetable market in a"
        " rebel-held town in the north the day before to 58 as rescuers kept digging.",
        "The death toll from a suspected nerve gas attack on a small farming town held by the opposition in the"
        " hills has risen to 58, a monitor said on Thursday.",
    ],
)
def test_a_toll_read_across_a_long_from_phrase(nlp, text):
    assert any(k == "killed" and v == 58 for k, v, _ in _claims(nlp, text)), _claims(nlp, text)


def test_a_long_toll_phrase_needs_to_or_at_before_its_figure(nlp):
    text = ("The death toll from the long siege of the eastern districts by the army and its allied militias over"
            " the past two winters worried 14 aid agencies, the statement said.")
    assert not any(v == 14 for _, v, _ in _claims(nlp, text))


def test_a_bare_gas_attack_toll_closed_by_a_comma_is_civilian(nlp):
    found = _claims(nlp, "The toll from the gas attack on the town rose to 41, the health directorate said.")
    assert ("killed", 41, "civilian") in found, found


def test_two_sides_words_share_one_person_noun(nlp):
    found = _claims(nlp, "At least 44 government and rebel fighters were killed in two days of battle for the hill.")
    assert ("killed", 44, "combatant") in found, found


def test_each_side_of_a_shared_person_noun_keeps_its_own_figure(nlp):
    found = _claims(nlp, "The monitor said 21 army and 17 rebel fighters were killed in the fighting for the hill.")
    assert ("killed", 21, "combatant") in found and ("killed", 17, "combatant") in found, found


def test_a_conjunct_with_its_own_determiner_is_not_a_shared_noun(nlp):
    # "one" counts the mother, not the child: the figure is not one child killed
    found = _claims(nlp, "One mother and her child died when a shell hit their house in the old quarter.")
    assert ("killed", 1, "civilian") not in found, found


def test_people_executed_without_a_side_are_civilians(nlp):
    found = _claims(nlp, "The militants executed 230 people from a rebellious clan in the desert villages, a monitor said.")
    assert ("executed", 230, "civilian") in found, found


def test_executed_soldiers_stay_prisoners(nlp):
    found = _claims(nlp, "The militants executed 31 soldiers captured at the airbase, a monitor said.")
    assert ("executed", 31, "prisoner") in found, found


def test_people_described_as_soldiers_are_not_civilians_when_executed(nlp):
    # "described as" goes on saying who the victims were; the executed soldiers are prisoners
    text = ("A video posted by the militants shows boys executing more than 30 people described as soldiers of"
            " the army in the old citadel.")
    assert _claims(nlp, text) == [("executed", 30, "prisoner")]
