"""Property tests: resolve_date never raises, spans are ordered, anchors make sense; speed."""

from __future__ import annotations

import time
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from deathtoll.when import clear_cache, combine_spans, date_precision_code, resolve_date

WORDS = [
    "on", "in", "the", "of", "last", "this", "next", "early", "mid", "late", "end", "beginning",
    "past", "over", "a", "few", "two", "three", "21", "24", "days", "day", "weeks", "week", "month",
    "months", "year", "hours", "ago", "since", "between", "and", "-", "/", ".", ",", "'s",
    "Thursday", "Sunday", "night", "morning", "yesterday", "today", "recently", "period",
    "May", "August", "Aug.", "Feb", "28", "31", "29", "2014", "1999", "2100", "0", "13", "99999",
]

phrases = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
any_text = st.one_of(st.text(max_size=60), phrases)
publication = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
precisions = st.sampled_from(["day", "month", "year", "unknown", "week", ""])


@settings(max_examples=400, deadline=None)
@given(expr=any_text, published=publication, precision=precisions)
def test_never_raises_and_spans_are_ordered(expr, published, precision):
    span = resolve_date(expr, published, precision)
    if span is not None:
        assert span.start <= span.end
        assert span.text == expr
        assert span.precision in ("day", "days", "week", "month", "year", "unknown")
        assert 1 <= date_precision_code(span) <= 5


@settings(max_examples=300, deadline=None)
@given(expr=phrases, published=st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
def test_relative_results_do_not_start_after_publication(expr, published):
    span = resolve_date(expr, published)
    if span is not None and span.anchor and span.anchor.startswith("published"):
        assert span.start <= published + timedelta(days=14)


@settings(max_examples=200, deadline=None)
@given(
    day=st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    published=st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))),
)
def test_written_out_dates_round_trip(day, published):
    for expr in (day.isoformat(), f"{day.day} {day:%B %Y}", f"{day:%B} {day.day}, {day.year}"):
        span = resolve_date(expr, published)
        assert span is not None and span.start == span.end == day and span.precision == "day"


@settings(max_examples=200, deadline=None)
@given(published=st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
       weekday=st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_weekday_is_the_latest_such_day_up_to_publication(published, weekday):
    span = resolve_date(f"on {weekday}", published)
    assert span.start == span.end
    assert span.start.strftime("%A") == weekday
    assert 0 <= (published - span.start).days <= 6


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 1, 1)),
                          st.integers(0, 60)), min_size=1, max_size=5))
def test_combined_span_is_ordered(pairs):
    from deathtoll.model import TimeSpan

    spans = [TimeSpan(d, d + timedelta(days=n), "days") for d, n in pairs]
    out = combine_spans(spans)
    assert out.start <= out.end
    overlap = max(s.start for s in spans) <= min(s.end for s in spans)
    for s in spans:
        if overlap:  # intersection: inside every input
            assert s.start <= out.start and out.end <= s.end
        else:  # union: covers every input
            assert out.start <= s.start and s.end <= out.end
