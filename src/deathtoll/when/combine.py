"""Combining several time spans of one event, and coding precision like UCDP ``date_prec``."""

from __future__ import annotations

from typing import Optional, Sequence, Union

from ..model import TimeSpan
from .dates import PRECISION_ORDER, coarser, precision_for_length
from .rules import get_rules

#: UCDP GED ``date_prec`` per precision word.
_UCDP_CODE = {"day": 1, "days": 2, "week": 3, "month": 4, "year": 5, "unknown": 5}


def _join(values: Sequence[Optional[str]]) -> Optional[str]:
    seen = list(dict.fromkeys(v for v in values if v))
    return " | ".join(seen) if seen else None


def combine_spans(spans: Sequence[Optional[TimeSpan]]) -> TimeSpan | None:
    """One span from several reports of the same event.

    When all spans overlap, the result is their **intersection** (the tightest span
    consistent with every report): "on Thursday" and "late August" give that Thursday.
    Its precision is that of the finest input equal to it, else what its length deserves.
    When some spans do not overlap (the reports conflict), the result is their **union**
    (first start to last end), never finer than the coarsest input.
    ``None`` entries are ignored; no spans give ``None``. ``text`` and ``anchor`` join
    the inputs' distinct values with " | ".
    """
    items = [s for s in spans if s is not None]
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    rules = get_rules()
    text, anchor = _join([s.text for s in items]), _join([s.anchor for s in items])
    start, end = max(s.start for s in items), min(s.end for s in items)
    if start <= end:
        same = [s.precision for s in items if s.start == start and s.end == end]
        if same:
            precision = min(same, key=lambda p: PRECISION_ORDER.index(p) if p in PRECISION_ORDER else 99)
        else:
            precision = precision_for_length(start, end, rules)
        return TimeSpan(start, end, precision, text=text, anchor=anchor)
    start, end = min(s.start for s in items), max(s.end for s in items)
    precision = precision_for_length(start, end, rules)
    for s in items:
        precision = coarser(precision, s.precision)
    return TimeSpan(start, end, precision, text=text, anchor=anchor)


def date_precision_code(precision: Union[str, TimeSpan, None]) -> int:
    """UCDP ``date_prec``: 1 exact day, 2 two to six days, 3 a week or 8-30 days,
    4 a month, 5 a year or more (also for unknown precision).

    Given a ``TimeSpan``, the span's length counts too: "late May" (precision "days",
    11 days long) codes 3, not 2.
    """
    if isinstance(precision, TimeSpan):
        n = (precision.end - precision.start).days + 1
        by_length = 1 if n <= 1 else 2 if n <= 6 else 3 if n <= 30 else 4 if n <= 31 else 5
        return max(_UCDP_CODE.get(precision.precision, 5), by_length)
    if isinstance(precision, str):
        return _UCDP_CODE.get(precision.strip().lower(), 5)
    return 5
