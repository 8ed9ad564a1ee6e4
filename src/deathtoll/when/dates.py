"""Small calendar helpers and the internal result type of the resolver rules."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import NamedTuple, Optional

from .rules import Rules

#: Precisions from finest to coarsest (same order as ``model.DATE_PRECISIONS``).
PRECISION_ORDER: tuple[str, ...] = ("day", "days", "week", "month", "year", "unknown")


class Hit(NamedTuple):
    """What one rule found: an inclusive span, its precision, and how it was anchored.

    ``relative``: the span depends on the publication date.
    ``short``: a relative expression finer than a week ("yesterday", "on Thursday"),
    which cannot be placed at all when the publication day is unknown.
    """

    start: date
    end: date
    precision: str
    relative: bool = False
    short: bool = False


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), month_end(year, month)


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, the day clamped to the target month's length."""
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(d.day, last))


def week_start(d: date) -> date:
    """The Monday of ``d``'s week."""
    return d - timedelta(days=d.weekday())


def coarser(a: str, b: str) -> str:
    """The coarser of two precisions."""
    ia = PRECISION_ORDER.index(a) if a in PRECISION_ORDER else len(PRECISION_ORDER) - 1
    ib = PRECISION_ORDER.index(b) if b in PRECISION_ORDER else len(PRECISION_ORDER) - 1
    return PRECISION_ORDER[max(ia, ib)]


def precision_for_length(start: date, end: date, rules: Rules) -> str:
    """The precision a computed span of this length deserves (see ``length_precision``)."""
    n = (end - start).days + 1
    for limit, precision in rules.length_precision:
        if n <= limit:
            return precision
    return rules.length_precision_default


def make_date(year: int, month: int, day: int) -> Optional[date]:
    """A date, or None when the parts do not form one (31 June, year 0)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_year(month: int, day: int, published: date, rules: Rules) -> Optional[date]:
    """A day and month without a year: the publication year, or the previous year when
    that would put it more than ``day_future_tolerance`` days after publication."""
    d = make_date(published.year, month, day)
    if d is not None and (d - published).days <= rules.day_future_tolerance:
        return d
    return make_date(published.year - 1, month, day)


def infer_period_year(month: int, first_day: int, published: date, rules: Rules) -> int:
    """The year of a month (or month part starting on ``first_day``) written without one."""
    start = make_date(published.year, month, min(first_day, 28))
    if start is not None and (start - published).days <= rules.period_future_tolerance:
        return published.year
    return published.year - 1
