"""find_counts: figures that look like counts but are clock times, ages, populations, calibres or roles.

Sentences are our own.
"""

from __future__ import annotations

import pytest

from deathtoll.extract.counts import find_counts


def values(sentence: str) -> list[int | None]:
    return [c.value for c in find_counts(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The boy died in hospital shortly after 7 p.m. on Friday.",
        "A neighbour heard the shots just before 10 pm.",
        "The call came in around 4 a.m. Sunday.",
        "The store closes at 6 o'clock.",
    ],
)
def test_clock_times_are_not_counts(sentence: str) -> None:
    assert values(sentence) == []


def test_counts_next_to_clock_times_survive() -> None:
    assert values("At 9 p.m. 12 people were shot and 3 died by 11 pm.") == [12, 3]


def test_age_after_also_is_an_age() -> None:
    assert values("Lee Park, 19, is charged with killing Dana Cole, also 19.") == []


@pytest.mark.parametrize(
    "sentence",
    ["The shooting stunned the farm town of 2,300.", "It has a population of about 40,000.",
     "The tiny community of 800 mourned the family."],
)
def test_population_figures_are_a_unit(sentence: str) -> None:
    assert values(sentence) == []
    units = [c.unit for c in find_counts(sentence, include_units=True)]
    assert units == ["population"]


def test_bare_figure_after_article_is_a_thing() -> None:
    assert values("The toddler found a 38 in the nightstand and fired it.") == []
    assert values("A 100 people marched.") == [100]  # a count noun follows: still a count


def test_role_after_as_is_not_a_victim() -> None:
    assert values("The 16-year-old will be tried as an adult.") == []
    assert values("Police said a man was shot.") == [1]
