"""The rule tables of the date resolver, loaded once from ``resources/when_rules.json``.

Everything that is domain knowledge (month names, relative words and their
offsets, month-part boundaries, thresholds) lives in the JSON file; this module
only checks its shape and turns it into typed, ready-to-use structures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import ResourceError
from ..resources import load_json

RULES_FILE = "when_rules.json"


@dataclass(frozen=True)
class DayPhrase:
    """A phrase resolved by day offsets from publication ("yesterday" = -1..-1)."""

    start: int
    end: int
    precision: str


@dataclass(frozen=True)
class CalendarPhrase:
    """A phrase naming a calendar unit relative to publication ("last month")."""

    unit: str  # week | weekend | month | year
    offset: int  # -1 previous unit, 0 current unit
    precision: str
    clip: bool  # end the span at publication


@dataclass(frozen=True)
class Unit:
    """A duration unit: its length in days, the tolerance of "N units ago", its precision."""

    days: float
    tolerance: int
    precision: str


@dataclass(frozen=True, eq=False)
class Rules:
    """All rule tables, compiled (hashed by identity, so rule helpers can cache on it)."""

    months: dict[str, int]
    weekdays: dict[str, int]
    leading_fillers: tuple[str, ...]  # longest first
    fillers: frozenset[str]
    times_of_day: tuple[str, ...]  # longest first
    day_phrases: dict[str, DayPhrase]
    calendar_phrases: dict[str, CalendarPhrase]
    units: dict[str, Unit]
    vague_numbers: dict[str, tuple[int, int]]
    month_parts: dict[str, tuple[int, int, str]]
    year_parts: dict[str, tuple[int, int]]
    day_future_tolerance: int
    period_future_tolerance: int
    length_precision: tuple[tuple[int, str], ...]
    length_precision_default: str
    year_range: tuple[int, int]
    two_digit_year_pivot: int
    max_expression_length: int
    month_re: str  # regex alternation of month names, longest first
    weekday_re: str
    part_re: str  # alternation of month/year part names
    unit_re: str
    vague_re: str


def _alternation(words: Any) -> str:
    """A regex alternation of ``words``, longest first so that "sept" beats "sep"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _pair(value: Any, what: str) -> tuple[int, int]:
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value)):
        raise ResourceError(f"{RULES_FILE}: {what} must be a pair of integers, got {value!r}")
    return (value[0], value[1])


def build_rules(data: dict[str, Any]) -> Rules:
    """Check and compile the raw JSON rule tables. Raises ``ResourceError`` when malformed."""
    try:
        day_phrases = {k: DayPhrase(int(v[0]), int(v[1]), str(v[2])) for k, v in data["day_phrases"].items()}
        calendar = {
            k: CalendarPhrase(str(v[0]), int(v[1]), str(v[2]), bool(v[3]))
            for k, v in data["calendar_phrases"].items()
        }
        units = {k: Unit(float(v[0]), int(v[1]), str(v[2])) for k, v in data["units"].items()}
        months = {str(k): int(v) for k, v in data["months"].items()}
        weekdays = {str(k): int(v) for k, v in data["weekdays"].items()}
        vague = {k: _pair(v, f"vague_numbers[{k}]") for k, v in data["vague_numbers"].items()}
        month_parts = {k: (*_pair(v[:2], f"month_parts[{k}]"), str(v[2])) for k, v in data["month_parts"].items()}
        year_parts = {k: _pair(v, f"year_parts[{k}]") for k, v in data["year_parts"].items()}
        return Rules(
            months=months,
            weekdays=weekdays,
            leading_fillers=tuple(sorted(data["leading_fillers"], key=len, reverse=True)),
            fillers=frozenset(data["fillers"]),
            times_of_day=tuple(sorted(data["times_of_day"], key=len, reverse=True)),
            day_phrases=day_phrases,
            calendar_phrases=calendar,
            units=units,
            vague_numbers=vague,
            month_parts=month_parts,
            year_parts=year_parts,
            day_future_tolerance=int(data["day_future_tolerance"]),
            period_future_tolerance=int(data["period_future_tolerance"]),
            length_precision=tuple((int(n), str(p)) for n, p in data["length_precision"]),
            length_precision_default=str(data["length_precision_default"]),
            year_range=_pair(data["year_range"], "year_range"),
            two_digit_year_pivot=int(data["two_digit_year_pivot"]),
            max_expression_length=int(data["max_expression_length"]),
            month_re=_alternation(months),
            weekday_re=_alternation(weekdays),
            part_re=_alternation(set(month_parts) | set(year_parts)),
            unit_re=_alternation(units),
            vague_re=_alternation(vague),
        )
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as e:
        raise ResourceError(f"{RULES_FILE} is malformed: {e!r}") from e


@lru_cache(maxsize=1)
def get_rules() -> Rules:
    """The compiled rules (read once per process)."""
    data = load_json(RULES_FILE)
    if not isinstance(data, dict):
        raise ResourceError(f"{RULES_FILE} must hold a JSON object")
    return build_rules(data)
