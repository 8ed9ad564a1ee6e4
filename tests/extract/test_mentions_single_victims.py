"""One dead person named only as "the man", "she" or "a 9-year-old girl" across the
parser's odd attachments: "left a girl dead", "was taken to hospital and died", "where
he was pronounced dead". Sentences are our own."""

from __future__ import annotations

import pytest

from extract_samples import tolls


@pytest.mark.parametrize(
    "text",
    [
        # "dead" hung on the noun as a clause of its own
        "An accidental shooting on Friday left a 9-year-old girl dead inside her home in Marlow.",
        # the second verb of "X was taken ... and died" shares the first verb's subject
        "Police say the man was transported to Marlow Medical Center and died a short time later.",
        # a singular pronoun in "where he died"
        "Police said the woman was taken to Marlow General Hospital, where she died.",
        "The teen was flown to County Hospital where he was pronounced dead.",
    ],
)
def test_one_dead_person(nlp, text: str) -> None:
    assert tolls(nlp, text) == [("killed", 1)]


def test_pronoun_shooter_is_not_a_victim(nlp) -> None:
    # "he" shot someone else: he is the shooter, only his victim counts
    assert tolls(nlp, "Deputies said he killed his neighbour in Marlow on Friday.") == [("killed", 1)]


def test_pronoun_wounded_is_one_injured(nlp) -> None:
    # in a report that speaks of no death, a wounded "he" is one injured person
    assert tolls(nlp, "Police said he was wounded in the leg outside a bar in Marlow.") == [("injured", 1)]


def test_coordinated_verb_keeps_own_subject(nlp) -> None:
    # the second verb has a subject of its own: no borrowing from the first
    assert tolls(nlp, "The officers arrived and a man died at the scene in Marlow.") == [("killed", 1)]
