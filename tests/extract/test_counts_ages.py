"""find_counts: ages set off by commas, gallery counters and emergency phone numbers are not counts.
Sentences are our own."""

from __future__ import annotations

import pytest

from deathtoll.extract.counts import find_counts


def values(sentence: str) -> list[int | None]:
    return [c.value for c in find_counts(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ken Marlow, 24 was hit in the shoulder.",
        "The victims were Rosa Vidal, 20; Pete Quint, 31; and Lou Hart, 44.",
        "The driver, 52; his son, 19; and a friend were hurt.",
        "Officers arrested Dale Prine, 18, of Eastfield.",
        "He was charged with the death of Omar Beck, 27.",
        "Ned and Lisa Orr, both 41, were found in the kitchen.",
        "Photo 3 of 9 shows the street.",
        "Scroll 1 / 6 to see more.",
        "The girl called 911 at once.",
        "A 911 call came in at noon.",
    ],
)
def test_not_a_count(sentence: str) -> None:
    assert values(sentence) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("In Harmon, 12 people were hurt.", [12]),
        ("In Harmon, 12 were hurt.", [12]),
        ("Five men were shot, 2 fatally.", [5, 2]),
        ("The bodies of Ned Orr, 41, and his three sons were found.", [3]),
        ("Police said 911 people were evacuated.", [911]),
    ],
)
def test_counts_next_to_commas_survive(sentence: str, expected: list[int]) -> None:
    assert values(sentence) == expected
