"""``resolve_date``: a date expression plus the publication date -> ``TimeSpan``.

Our own rules run first, in a fixed order (most specific first); dateparser is the
last resort. Results are cached: the pipeline asks the same questions many times.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Callable, Optional

from ..model import TimeSpan
from .absolute import month_part, numeric, worded
from .dates import Hit, coarser, month_end, precision_for_length
from .fallback import dateparser_hit
from .relative import UNRESOLVABLE, Outcome, ago, calendar_phrase, day_phrase, past, period, weekday
from .rules import Rules, get_rules
from .text import normalize, strip_leading

Rule = Callable[[str, Optional[date], Rules], Outcome]

#: Rules that look at the whole normalised expression (they need its leading words).
_ON_NORM: tuple[Rule, ...] = (past, period)
#: Rules that look at the expression without leading fillers, in order.
_ON_STRIPPED: tuple[Rule, ...] = (numeric, day_phrase, calendar_phrase, ago, month_part, worded, weekday,
                                  dateparser_hit)

_COARSE = ("month", "year")


def _resolve_at(norm: str, pub: Optional[date], rules: Rules) -> Outcome:
    """Resolve against one known publication day (or none)."""
    for rule in _ON_NORM:
        out = rule(norm, pub, rules)
        if out is not None:
            return out
    s = strip_leading(norm, rules)
    if s.startswith("since "):
        return _since(s[len("since "):], pub, rules)
    for rule in _ON_STRIPPED:
        out = rule(s, pub, rules)
        if out is not None:
            return out
    return None


def _since(rest: str, pub: Optional[date], rules: Rules) -> Outcome:
    """'since Thursday', 'since 28 August': from that date up to publication."""
    inner = _resolve_at(rest, pub, rules)
    if not isinstance(inner, Hit):
        return inner
    if pub is None:
        return UNRESOLVABLE
    if inner.start > pub:
        return UNRESOLVABLE
    end = max(inner.end, pub)
    return Hit(inner.start, end, precision_for_length(inner.start, end, rules), relative=True)


def _publication_period(pub: date, precision: str) -> tuple[date, date]:
    if precision == "month":
        return pub.replace(day=1), month_end(pub.year, pub.month)
    return date(pub.year, 1, 1), date(pub.year, 12, 31)


def _anchor(pub: date, precision: str) -> str:
    iso = {"day": pub.isoformat(), "month": pub.isoformat()[:7], "year": pub.isoformat()[:4]}[precision]
    return f"published {iso}"


@lru_cache(maxsize=16384)
def _resolve_cached(expression: str, published: Optional[date], precision: str) -> Optional[TimeSpan]:
    rules = get_rules()
    norm = normalize(expression)
    if not norm or len(norm) > rules.max_expression_length:
        return None
    if precision not in ("day", *_COARSE):
        published = None
    words = norm.split()
    if published is not None and precision == "day" and len(words) == 2 and words[0] == "last" \
            and words[1] in rules.months:
        # "last November": the latest November before the publication month (in May 2016,
        # November 2015; in November 2016, November 2015 too)
        month = rules.months[words[1]]
        year = published.year if month < published.month else published.year - 1
        return TimeSpan(date(year, month, 1), month_end(year, month), "month", text=expression,
                        anchor=_anchor(published, "day"))
    if published is None or precision == "day":
        hit = _resolve_at(norm, published, rules)
        if not isinstance(hit, Hit):
            return None
        anchor = _anchor(published, "day") if (hit.relative and published) else "absolute"
        return TimeSpan(hit.start, hit.end, hit.precision, text=expression, anchor=anchor)

    # Publication known only to the month or year: resolve against both ends of that period.
    first_day, last_day = _publication_period(published, precision)
    early = _resolve_at(norm, first_day, rules)
    if not isinstance(early, Hit):
        return None
    if not early.relative:
        return TimeSpan(early.start, early.end, early.precision, text=expression, anchor="absolute")
    anchor = _anchor(published, precision)
    if early.short:  # "on Thursday" with no known day: the publication period, no invented day
        return TimeSpan(first_day, last_day, precision, text=expression, anchor=anchor)
    late = _resolve_at(norm, last_day, rules)
    if not isinstance(late, Hit):
        return None
    if late == early:
        return TimeSpan(early.start, early.end, early.precision, text=expression, anchor=anchor)
    start, end = min(early.start, late.start), max(early.end, late.end)
    prec = coarser(coarser(early.precision, late.precision), precision)
    return TimeSpan(start, end, prec, text=expression, anchor=anchor)


def resolve_date(expression: str, published: date | None, published_precision: str = "day") -> TimeSpan | None:
    """Resolve a date expression as written in a report into an inclusive ``TimeSpan``.

    ``published`` anchors relative expressions ("on Thursday", "last month",
    "late May"); ``published_precision`` ("day", "month", "year") says how well it
    is known: with "month"/"year", expressions finer than a week widen to the
    publication period instead of inventing a day. Returns None when the text is
    not a date or cannot be placed (a relative expression without publication date).
    Never raises on any string; ``start <= end`` always.
    """
    if not isinstance(expression, str):
        return None
    if isinstance(published, datetime):
        published = published.date()
    elif published is not None and not isinstance(published, date):
        return None
    if not isinstance(published_precision, str):
        published_precision = "unknown"
    if len(expression) > 4 * get_rules().max_expression_length:
        return None
    try:
        return _resolve_cached(expression, published, published_precision)
    except (ValueError, OverflowError):
        # Arithmetic at the edges of the calendar (year 1 or 9999): no date to give.
        return None


def clear_cache() -> None:
    """Forget cached results (for benchmarks and tests)."""
    _resolve_cached.cache_clear()
