"""Table tests for resolve_date: expression + publication date -> span and precision."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from deathtoll.model import TimeSpan
from deathtoll.when import resolve_date

THU = date(2014, 8, 28)  # a Thursday
MON = date(2015, 6, 1)  # a Monday
D = date.fromisoformat

ABSOLUTE = [
    ("28 August 2014", D("2014-08-28"), D("2014-08-28"), "day"),
    ("on 28 August, 2014", D("2014-08-28"), D("2014-08-28"), "day"),
    ("August 28, 2014", D("2014-08-28"), D("2014-08-28"), "day"),
    ("the 3rd of March 2013", D("2013-03-03"), D("2013-03-03"), "day"),
    ("Saturday, 16 August 2014", D("2014-08-16"), D("2014-08-16"), "day"),
    ("on the night of 2 July 2012", D("2012-07-02"), D("2012-07-02"), "day"),
    ("28/08/2014", D("2014-08-28"), D("2014-08-28"), "day"),
    ("05/06/2014", D("2014-06-05"), D("2014-06-05"), "day"),  # day first
    ("08/28/2014", D("2014-08-28"), D("2014-08-28"), "day"),  # US order when day > 12
    ("28.08.14", D("2014-08-28"), D("2014-08-28"), "day"),
    ("2014-08-28", D("2014-08-28"), D("2014-08-28"), "day"),
    ("2013-02", D("2013-02-01"), D("2013-02-28"), "month"),
    ("in May 2015", D("2015-05-01"), D("2015-05-31"), "month"),
    ("February 2016", D("2016-02-01"), D("2016-02-29"), "month"),
    ("in 2013", D("2013-01-01"), D("2013-12-31"), "year"),
    ("between 3 and 5 April 2011", D("2011-04-03"), D("2011-04-05"), "days"),
    ("12-20 March 2012", D("2012-03-12"), D("2012-03-20"), "week"),
    ("30 December 2013 to 2 January 2014", D("2013-12-30"), D("2014-01-02"), "days"),
    ("late May 2013", D("2013-05-21"), D("2013-05-31"), "days"),
    ("early 2014", D("2014-01-01"), D("2014-04-30"), "year"),
]


@pytest.mark.parametrize("expr,start,end,precision", ABSOLUTE)
def test_absolute_dates_ignore_publication(expr, start, end, precision):
    for published in (THU, None):
        span = resolve_date(expr, published)
        assert span is not None, expr
        assert (span.start, span.end, span.precision) == (start, end, precision)
        assert span.anchor == "absolute"
        assert span.text == expr


RELATIVE_TO_THURSDAY = [
    # dates without a year
    ("Aug. 28", "2014-08-28", "2014-08-28", "day"),
    ("3 August", "2014-08-03", "2014-08-03", "day"),
    ("October 1", "2013-10-01", "2013-10-01", "day"),  # would be a month after publication
    ("September 5", "2014-09-05", "2014-09-05", "day"),  # within two weeks: same year
    ("the night of 26 August", "2014-08-26", "2014-08-26", "day"),
    ("Aug 27 at 9:30 p.m.", "2014-08-27", "2014-08-27", "day"),
    ("in May", "2014-05-01", "2014-05-31", "month"),
    ("in November", "2013-11-01", "2013-11-30", "month"),
    ("20-22 August", "2014-08-20", "2014-08-22", "days"),
    # weekdays
    ("on Thursday", "2014-08-28", "2014-08-28", "day"),
    ("Thursday", "2014-08-28", "2014-08-28", "day"),
    ("Thursday's attack", "2014-08-28", "2014-08-28", "day"),
    ("on Tuesday", "2014-08-26", "2014-08-26", "day"),
    ("Sunday night", "2014-08-24", "2014-08-24", "day"),
    ("early on Friday", "2014-08-22", "2014-08-22", "day"),
    ("last Thursday", "2014-08-21", "2014-08-21", "day"),
    ("Wednesday last week", "2014-08-20", "2014-08-20", "day"),
    ("on Monday and Tuesday", "2014-08-25", "2014-08-26", "days"),
    # day words
    ("yesterday", "2014-08-27", "2014-08-27", "day"),
    ("Yesterday evening", "2014-08-27", "2014-08-27", "day"),
    ("today", "2014-08-28", "2014-08-28", "day"),
    ("last night", "2014-08-27", "2014-08-27", "day"),
    ("this morning", "2014-08-28", "2014-08-28", "day"),
    ("the previous day", "2014-08-27", "2014-08-27", "day"),
    ("the day before yesterday", "2014-08-26", "2014-08-26", "day"),
    ("overnight", "2014-08-27", "2014-08-28", "days"),
    ("recently", "2014-08-21", "2014-08-28", "days"),
    ("in recent days", "2014-08-21", "2014-08-28", "days"),
    # counted back
    ("two days ago", "2014-08-26", "2014-08-26", "day"),
    ("5 days ago", "2014-08-23", "2014-08-23", "day"),
    ("twenty-one days ago", "2014-08-07", "2014-08-07", "day"),
    ("three weeks ago", "2014-08-04", "2014-08-10", "week"),
    ("a week ago", "2014-08-18", "2014-08-24", "week"),
    ("a month ago", "2014-07-21", "2014-08-04", "month"),
    ("a few days ago", "2014-08-24", "2014-08-26", "days"),
    ("six hours ago", "2014-08-27", "2014-08-27", "day"),
    # calendar units
    ("last week", "2014-08-18", "2014-08-24", "week"),
    ("earlier this week", "2014-08-25", "2014-08-28", "week"),
    ("last weekend", "2014-08-23", "2014-08-24", "days"),
    ("last month", "2014-07-01", "2014-07-31", "month"),
    ("earlier this month", "2014-08-01", "2014-08-28", "month"),
    ("this month", "2014-08-01", "2014-08-28", "month"),
    ("last year", "2013-01-01", "2013-12-31", "year"),
    ("this year", "2014-01-01", "2014-08-28", "year"),
    # spans ending at publication
    ("over the past 24 hours", "2014-08-27", "2014-08-28", "days"),
    ("in the past two days", "2014-08-26", "2014-08-28", "days"),
    ("in the last week", "2014-08-21", "2014-08-28", "week"),
    ("over the past three weeks", "2014-08-07", "2014-08-28", "week"),
    ("over a 20 day period", "2014-08-08", "2014-08-28", "week"),
    ("over a period of two months", "2014-06-28", "2014-08-28", "month"),
    ("since Monday", "2014-08-25", "2014-08-28", "days"),
    # parts of a month
    ("early May", "2014-05-01", "2014-05-10", "days"),
    ("in late May", "2014-05-21", "2014-05-31", "days"),
    ("mid-August", "2014-08-11", "2014-08-20", "days"),
    ("the middle of July", "2014-07-11", "2014-07-20", "days"),
    ("the end of February", "2014-02-21", "2014-02-28", "days"),
    ("the beginning of June", "2014-06-01", "2014-06-10", "days"),
    ("late September", "2013-09-21", "2013-09-30", "days"),  # would start after publication
    ("the first week of August", "2014-08-01", "2014-08-07", "week"),
]


@pytest.mark.parametrize("expr,start,end,precision", RELATIVE_TO_THURSDAY)
def test_relative_to_publication(expr, start, end, precision):
    span = resolve_date(expr, THU)
    assert span is not None, expr
    assert (span.start.isoformat(), span.end.isoformat(), span.precision) == (start, end, precision)
    assert span.anchor == "published 2014-08-28"
    assert span.text == expr


@pytest.mark.parametrize(
    "expr,start,end",
    [
        ("on Monday", "2015-06-01", "2015-06-01"),  # the publication day itself
        ("on Sunday", "2015-05-31", "2015-05-31"),
        ("last week", "2015-05-25", "2015-05-31"),
        ("last month", "2015-05-01", "2015-05-31"),
        ("yesterday", "2015-05-31", "2015-05-31"),
        ("earlier this week", "2015-06-01", "2015-06-01"),
    ],
)
def test_relative_to_a_monday(expr, start, end):
    span = resolve_date(expr, MON)
    assert span is not None
    assert (span.start.isoformat(), span.end.isoformat()) == (start, end)


def test_new_year_boundaries():
    jan2 = date(2015, 1, 2)
    assert resolve_date("last month", jan2).start == date(2014, 12, 1)
    assert resolve_date("December 30", jan2).start == date(2014, 12, 30)
    assert resolve_date("late December", jan2).start == date(2014, 12, 21)
    assert resolve_date("last year", jan2).end == date(2014, 12, 31)
    span = resolve_date("30 December - 1 January", jan2)
    assert (span.start, span.end) == (date(2014, 12, 30), date(2015, 1, 1))


@pytest.mark.parametrize(
    "expr",
    ["on Thursday", "yesterday", "last week", "three weeks ago", "late May", "October 1", "in May",
     "earlier this month", "recently", "over the past 24 hours"],
)
def test_relative_without_publication_is_none(expr):
    assert resolve_date(expr, None) is None


@pytest.mark.parametrize(
    "expr",
    ["", "   ", "the attack", "killed 25 people", "the following day", "next Friday", "in two days",
     "12", "x" * 1000, "31 June 2014", "2014-13-45", "28 August 1066"],
)
def test_not_a_date(expr):
    assert resolve_date(expr, THU) is None


@pytest.mark.parametrize(
    "expr,precision,start,end",
    [
        ("on Thursday", "month", "2014-08-01", "2014-08-31"),
        ("Sunday night", "month", "2014-08-01", "2014-08-31"),
        ("yesterday", "month", "2014-08-01", "2014-08-31"),
        ("on Thursday", "year", "2014-01-01", "2014-12-31"),
        ("last month", "month", "2014-07-01", "2014-07-31"),
        ("28 August 2014", "month", "2014-08-28", "2014-08-28"),
    ],
)
def test_coarse_publication_does_not_invent_days(expr, precision, start, end):
    span = resolve_date(expr, date(2014, 8, 1) if precision == "month" else date(2014, 1, 1), precision)
    assert span is not None
    assert (span.start.isoformat(), span.end.isoformat()) == (start, end)
    if span.anchor != "absolute":
        assert span.anchor.startswith("published 2014")
        assert span.precision in ("month", "year")


def test_coarse_publication_widens_longer_relative_spans():
    span = resolve_date("three weeks ago", date(2014, 8, 1), "month")
    assert span.precision == "month"
    assert span.start < date(2014, 7, 14) and span.end > date(2014, 8, 7)


def test_unknown_publication_precision_counts_as_no_date():
    assert resolve_date("yesterday", THU, "unknown") is None
    assert resolve_date("in 2013", THU, "unknown").start == date(2013, 1, 1)


def test_datetime_publication_is_accepted():
    span = resolve_date("yesterday", datetime(2014, 8, 28, 23, 10))
    assert span.start == date(2014, 8, 27)


def test_result_is_a_timespan_and_cached_results_agree():
    a = resolve_date("on Thursday", THU)
    b = resolve_date("on Thursday", THU)
    assert isinstance(a, TimeSpan) and a == b


def test_dateparser_fallback_covers_other_absolute_forms():
    for expr in ("2014 August 28", "Aug-28-2014", "Thu, 28 Aug 2014 14:02:00 GMT"):
        span = resolve_date(expr, None)
        assert span is not None and span.start == span.end == date(2014, 8, 28), expr
        assert span.anchor == "absolute"
