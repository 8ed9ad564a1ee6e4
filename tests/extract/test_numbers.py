"""parse_number: digits, separators, scales and number words; ordinals and vague words are not numbers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deathtoll.extract.numbers import parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7", 7),
        ("375", 375),
        ("18,000", 18000),
        ("1,250,000", 1250000),
        ("300 000", 300000),
        ("1.200.000", 1200000),
        ("1.2 million", 1200000),
        ("3 million", 3000000),
        ("2.5m", 2500000),
        ("4.5bn", 4500000000),
        ("2 thousand", 2000),
        ("one", 1),
        ("zero", 0),
        ("Twelve", 12),
        ("twenty-five", 25),
        ("twenty five", 25),
        ("ninety-nine", 99),
        ("three hundred and seventy-five", 375),
        ("a hundred", 100),
        ("a hundred and fifty", 150),
        ("one thousand two hundred", 1200),
        ("a thousand", 1000),
        ("a dozen", 12),
        ("two dozen", 24),
        ("half a dozen", 6),
        ("a couple of", 2),
        ("a couple", 2),
        ("  forty   ", 40),
    ],
)
def test_parses(text: str, expected: int) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "   ", "third", "twenty-first", "hundredth", "dozens", "hundreds", "a few", "several",
     "many", "hundred", "1.5", "3,4", "abc", "12th", "five apples", "-", "one and", "and"],
)
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


def test_non_string_is_none() -> None:
    assert parse_number(None) is None  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_never_raises(text: str) -> None:
    value = parse_number(text)
    assert value is None or (isinstance(value, int) and value >= 0)
