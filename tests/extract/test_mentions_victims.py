"""Who is a victim in a shooting sentence: single people, coordinated victims, shooters,
reflexives, "N shot, M fatally". Sentences are our own."""

from __future__ import annotations

import pytest

from extract_samples import tolls


@pytest.mark.parametrize(
    "text, expected",
    [
        # coordinated victims are added up
        ("A man and three boys were found dead in a house in Marlow on Sunday.", [("killed", 4)]),
        ("A man and a woman were wounded outside a bar in Marlow on Friday.", [("injured", 2)]),
        ("Deputies said the farmer shot and killed his two sons and himself on Sunday.", [("killed", 3)]),
        # the subject of "shot X" is the shooter; his victim counts
        ("Police said a man shot his neighbour in Marlow on Friday.", [("injured", 1)]),
        ("Deputies said the woman killed her father and nephew in Marlow in March.", [("killed", 2)]),
        # a reflexive object makes the subject the victim
        ("A boy accidentally shot and killed himself in Marlow on Sunday.", [("killed", 1)]),
        # one person with no number
        ("A 19-year-old was found dead on a porch in Marlow on Sunday.", [("killed", 1)]),
        ("The rifle went off, hitting Dana Kolb, who died at the scene.", [("killed", 1)]),
        # N shot, M fatally: M killed and N - M hurt
        ("Three men were shot, one fatally, in Marlow on Friday.", [("injured", 2), ("killed", 1)]),
        ("Six people were shot on Sunday, two of them fatally, police said.", [("injured", 4), ("killed", 2)]),
    ],
)
def test_victim_counts(nlp, text: str, expected: list[tuple[str, int]]) -> None:
    assert tolls(nlp, text) == expected


def test_attackers_acting_are_not_victims(nlp):
    text = ("At least 7 people were killed and dozens hurt when two attackers blew themselves up "
            "at a bus station in Marlow on Friday.")
    got = tolls(nlp, text)
    assert ("killed", 7) in got
    assert ("injured", 2) not in got


def test_gunmen_opening_fire_are_not_counted(nlp):
    assert tolls(nlp, "Three gunmen opened fire on a cafe in Marlow on Friday, killing four customers.") == [("killed", 4)]


def test_ages_after_names_are_not_counts(nlp):
    text = "Police named the wounded as Ross Kell, 24; Amy Dorn, 31; and Lee Tam, 19, all of Marlow."
    assert all(v not in (24, 31, 19) for _, v in tolls(nlp, text))


def test_article_of_first_victim_covers_the_second(nlp):
    assert tolls(nlp, "A man and woman were found dead in a house in Marlow on Sunday.") == [("killed", 2)]
