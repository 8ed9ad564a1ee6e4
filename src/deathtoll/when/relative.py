"""Rules for expressions that only mean something against the publication date.

Each rule takes the normalised expression (``norm``), the same with leading
fillers removed (``s``) and the publication day, and returns a ``Hit``, ``None``
(not this rule's business) or ``UNRESOLVABLE`` (recognised, but it cannot be
placed: no publication date, or it points into the future).
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional, Union

from .dates import Hit, add_months, coarser, month_end, precision_for_length, week_start
from .rules import Rules
from .text import parse_number, strip_times_of_day


class _Unresolvable:
    """Marker: the expression was recognised but cannot be resolved."""

    def __repr__(self) -> str:
        return "UNRESOLVABLE"


UNRESOLVABLE = _Unresolvable()
Outcome = Union[Hit, _Unresolvable, None]


@lru_cache(maxsize=4)
def _patterns(rules: Rules) -> dict[str, re.Pattern[str]]:
    unit, vague = rules.unit_re, rules.vague_re
    number = rf"(?P<n>\d+|{vague}|[a-z]+(?:[ -][a-z]+)?)"
    return {
        "ago": re.compile(rf"^(?:just |nearly |almost |more than |over |less than |some )?{number}"
                          rf" (?P<unit>{unit})s? (?:ago|back|earlier)$"),
        "past": re.compile(rf"^(?:(?:over|in|during|within|for|throughout|across) )?(?P<the>the )?"
                           rf"(?P<which>past|last|previous|preceding) (?:{number} )?(?P<unit>{unit})s?$"),
        "period": re.compile(rf"^(?:(?:over|during|within|for|throughout|across|in) )?(?:the course of )?"
                             rf"(?:a |the )?(?:period of )?{number}[ -](?P<unit>{unit})s?(?:[ -]long)?"
                             rf"(?P<tail> period| span| stretch| spell)?$"),
    }


def _unit_back(pub: date, unit: str, n: int, rules: Rules) -> date:
    """``pub`` moved ``n`` units into the past (calendar months and years are exact)."""
    if unit == "month":
        return add_months(pub, -n)
    if unit == "year":
        return add_months(pub, -12 * n)
    if unit == "hour":
        return pub - timedelta(days=math.ceil(n / 24))
    return pub - timedelta(days=round(rules.units[unit].days * n))


def day_phrase(s: str, pub: Optional[date], rules: Rules) -> Outcome:
    """'yesterday', 'last night', 'this morning', 'recently', 'yesterday afternoon'."""
    phrase = rules.day_phrases.get(s)
    if phrase is None:
        phrase = rules.day_phrases.get(strip_times_of_day(s, rules))
    if phrase is None:
        return None
    if pub is None:
        return UNRESOLVABLE
    start, end = pub + timedelta(days=phrase.start), pub + timedelta(days=phrase.end)
    return Hit(start, end, phrase.precision, relative=True, short=(phrase.end - phrase.start) < 7)


def calendar_phrase(s: str, pub: Optional[date], rules: Rules) -> Outcome:
    """'last week' (previous Monday-Sunday), 'last month', 'earlier this month', 'this year'."""
    phrase = rules.calendar_phrases.get(s)
    if phrase is None:
        return None
    if pub is None:
        return UNRESOLVABLE
    k = phrase.offset
    if phrase.unit == "week":
        start = week_start(pub) + timedelta(days=7 * k)
        end = start + timedelta(days=6)
    elif phrase.unit == "weekend":
        start = week_start(pub) + timedelta(days=7 * (k + 1) - 2)  # Saturday
        end = start + timedelta(days=1)
    elif phrase.unit == "month":
        start = add_months(pub.replace(day=1), k)
        end = month_end(start.year, start.month)
    else:  # year
        start, end = date(pub.year + k, 1, 1), date(pub.year + k, 12, 31)
    if phrase.clip:
        end = min(end, pub)
    if start > end:
        return UNRESOLVABLE
    return Hit(start, end, phrase.precision, relative=True, short=phrase.unit in ("week", "weekend"))


def ago(s: str, pub: Optional[date], rules: Rules) -> Outcome:
    """'two days ago' (that day), 'three weeks ago' (+-3 days), 'a month ago' (+-7 days)."""
    m = _patterns(rules)["ago"].match(s)
    if not m:
        return None
    count = parse_number(m.group("n"), rules)
    if count is None:
        return None
    if pub is None:
        return UNRESOLVABLE
    unit = m.group("unit")
    lo, hi = count
    spec = rules.units[unit]
    tol = timedelta(days=spec.tolerance)
    start = _unit_back(pub, unit, hi, rules) - tol
    end = min(_unit_back(pub, unit, lo, rules) + tol, pub)
    precision = spec.precision if lo == hi else coarser(spec.precision, precision_for_length(start, end, rules))
    if unit == "hour":
        precision = precision_for_length(start, end, rules)
    return Hit(start, end, precision, relative=True, short=unit in ("hour", "day"))


def _ending_at_publication(n_text: Optional[str], unit: str, pub: Optional[date], rules: Rules) -> Outcome:
    count = parse_number(n_text, rules) if n_text else (1, 1)
    if count is None:
        return None
    if pub is None:
        return UNRESOLVABLE
    start = _unit_back(pub, unit, count[1], rules)
    return Hit(start, pub, precision_for_length(start, pub, rules), relative=True,
               short=(pub - start).days < 7)


def past(norm: str, pub: Optional[date], rules: Rules) -> Outcome:
    """'over the past 24 hours', 'in the past two days', 'the last week' (a span ending at
    publication). Bare 'last week' / 'last month' are calendar units and are left alone."""
    m = _patterns(rules)["past"].match(norm)
    if not m:
        return None
    which, has_the, n_text = m.group("which"), bool(m.group("the")), m.group("n")
    if which in ("last", "previous") and not n_text and not (has_the and which == "last"):
        return None
    return _ending_at_publication(n_text, m.group("unit"), pub, rules)


def period(norm: str, pub: Optional[date], rules: Rules) -> Outcome:
    """'over a 20 day period', 'over a period of three weeks', 'for two weeks'."""
    m = _patterns(rules)["period"].match(norm)
    if not m:
        return None
    if not m.group("tail") and not re.match(r"^(?:over|during|within|for|throughout|across) ", norm):
        return None
    return _ending_at_publication(m.group("n"), m.group("unit"), pub, rules)


def weekday(s: str, pub: Optional[date], rules: Rules) -> Outcome:
    """'on Thursday', 'Sunday night', "Thursday's attack", 'last Friday', 'Thursday last week'.

    The most recent such weekday on or before publication ('last X': strictly before);
    several weekdays ('Thursday and Friday') give the span they cover.
    """
    tokens = s.split()
    found = [(i, rules.weekdays[t]) for i, t in enumerate(tokens) if t in rules.weekdays]
    if not found:
        return None
    if any(i > 0 and tokens[i - 1] in ("next", "coming") for i, _ in found):
        return UNRESOLVABLE
    if pub is None:
        return UNRESOLVABLE
    previous_week = "last week" in s or "previous week" in s
    days = []
    for i, wd in found:
        if previous_week:
            days.append(week_start(pub) - timedelta(days=7 - wd))
            continue
        back = (pub.weekday() - wd) % 7
        if back == 0 and i > 0 and tokens[i - 1] in ("last", "past"):
            back = 7
        days.append(pub - timedelta(days=back))
    start, end = min(days), max(days)
    precision = "day" if start == end else precision_for_length(start, end, rules)
    return Hit(start, end, precision, relative=True, short=True)
