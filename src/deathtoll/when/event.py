"""Choosing one event date for a mention from the date expressions around it.

A mention carries the date expressions of its own sentence and of its context
(``EventMention.date_texts``): the nearest calendar date before it ("narrative
time", "On 24 August ...") and the relative day words of the document's lead
("... was shot Monday night"). ``event_date`` picks, in this order:

1. the **sentence's own** expressions: the finest one that resolves and does not
   lie after publication ("in 2016 ... on Tuesday" gives Tuesday);
2. a **recent narrative date** (ending at most ``narrative_days`` before
   publication), widened forward up to ``narrative_days`` (capped at publication)
   because the sentence may tell what happened after it; a **lead day** that falls
   inside that widened span is tighter and wins;
3. a **lead day** (a relative expression in the lead that resolves to one day on
   or before publication): news leads state the day of the incident, later
   sentences give its toll;
4. an **old narrative date** (a historical reference, "in August 2013" in a 2017
   article), widened like 2, only when nothing else dates the mention.

Returns None when nothing applies: the caller then falls back to the publication date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional, Sequence

from ..model import TimeSpan
from .dates import PRECISION_ORDER, coarser, precision_for_length
from .resolve import resolve_date
from .rules import get_rules

_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _rank(precision: str) -> int:
    return PRECISION_ORDER.index(precision) if precision in PRECISION_ORDER else len(PRECISION_ORDER)


def names_calendar_date(expression: str) -> bool:
    """Does the expression name a month or a year ("24 August", "in 2013")?

    Such expressions set narrative time; the others ("Monday night", "yesterday")
    count from the publication date.
    """
    rules = get_rules()
    words = re.findall(r"[a-z]+", expression.lower())
    return bool(_YEAR.search(expression)) or any(w in rules.months for w in words)


def _sentence_date(texts: Sequence[str], pub: Optional[date], prec: str) -> TimeSpan | None:
    best: TimeSpan | None = None
    for text in texts:
        ts = resolve_date(text, pub, prec)
        if ts is None or (pub is not None and prec == "day" and ts.start > pub + timedelta(days=1)):
            continue
        if best is None or _rank(ts.precision) < _rank(best.precision):
            best = ts
    return best


def _widen(ts: TimeSpan, pub: Optional[date], prec: str, days: int) -> TimeSpan:
    end = ts.end + timedelta(days=days)
    if pub is not None and prec == "day":
        end = min(end, max(pub, ts.end))
    precision = ts.precision
    if end > ts.end:
        precision = coarser(precision_for_length(ts.start, end, get_rules()), ts.precision)
    return TimeSpan(ts.start, end, precision, ts.text, "narrative date")


def event_date(
    sentence: Sequence[str],
    context: Sequence[str],
    published: Optional[date],
    published_precision: str = "day",
    narrative_days: int = 30,
) -> TimeSpan | None:
    """The event date of a mention from its sentence's and its context's date
    expressions (see the module rule), or None when none of them applies."""
    pub, prec = published, published_precision
    own = _sentence_date(sentence, pub, prec)
    if own is not None:
        return own
    narrative: TimeSpan | None = None
    lead: TimeSpan | None = None
    for text in context:
        ts = resolve_date(text, pub, prec)
        if ts is None or (pub is not None and ts.start > pub):
            continue
        if names_calendar_date(text):
            narrative = narrative or ts
        elif ts.precision == "day" and pub is not None and prec == "day":
            if lead is None or ts.start < lead.start:  # the incident comes before its reporting
                lead = ts
    lead_day = TimeSpan(lead.start, lead.end, "day", lead.text, "lead date") if lead is not None else None
    if narrative is not None:
        recent = pub is None or (pub - narrative.end).days <= narrative_days
        span = _widen(narrative, pub, prec, narrative_days)
        if lead_day is not None and span.start <= lead_day.start and lead_day.end <= span.end:
            return lead_day
        if recent or lead_day is None:
            return span
    return lead_day
