"""Last resort: dateparser, for absolute forms our own rules do not cover.

Parsers are cached per publication date (building one costs far more than a parse).
Only expressions that carry a digit or a month name are tried, and without a
publication date only those that state a year, so dateparser never falls back on
"now" (which would make results depend on the day the pipeline runs).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, Optional

from dateparser.date import DateDataParser

from .dates import Hit, month_span, week_start
from .relative import Outcome
from .rules import Rules

_YEAR = re.compile(r"\b(1[0-9]{3}|2[0-9]{3})\b")
_NUMERIC_DATE = re.compile(r"\d+[/.\-]\d+")


@lru_cache(maxsize=512)
def parser_for(published: Optional[date]) -> DateDataParser:
    """A DateDataParser anchored on ``published`` (cached)."""
    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "DMY",  # as our own numeric rule: day first
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day, 12, 0)
    return DateDataParser(languages=["en"], settings=settings)


def _worth_trying(s: str, rules: Rules) -> bool:
    """A month name, or numbers joined like a date ("2014/8/28"): a lone "12" is a count, not December."""
    return bool(_NUMERIC_DATE.search(s)) or any(t in rules.months for t in s.split())


def dateparser_hit(s: str, pub: Optional[date], rules: Rules) -> Outcome:
    """What dateparser makes of ``s``: a day, week, month or year span, or None."""
    if not _worth_trying(s, rules):
        return None
    has_year = bool(_YEAR.search(s))
    if pub is None and not has_year:
        return None
    try:
        # a stated year needs no anchor: one shared parser (building one per report is costly)
        data = parser_for(None if has_year else pub).get_date_data(s)
    except (ValueError, OverflowError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
        # dateparser is third-party code fed with arbitrary text; a failure just means "no date".
        return None
    d = data.date_obj
    if d is None:
        return None
    day = d.date()
    low, high = rules.year_range
    if not low <= day.year <= high:
        return None
    period = data.period or "day"
    if period == "year":
        start, end = date(day.year, 1, 1), date(day.year, 12, 31)
        precision = "year"
    elif period == "month":
        start, end = month_span(day.year, day.month)
        precision = "month"
    elif period == "week":
        start = week_start(day)
        end, precision = start + timedelta(days=6), "week"
    else:
        start, end, precision = day, day, "day"
    relative = not has_year
    if relative and pub is not None:
        if start > pub + timedelta(days=rules.day_future_tolerance):
            return None
        end = min(end, max(start, pub)) if period == "week" else end
    return Hit(start, end, precision, relative=relative, short=relative and precision in ("day", "week"))
