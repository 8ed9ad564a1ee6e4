"""event_date: choosing a mention's date from its sentence, narrative time and the lead."""

from __future__ import annotations

from datetime import date

from deathtoll.when import event_date, names_calendar_date

PUB = date(2016, 3, 10)  # a Thursday
D = date.fromisoformat


def test_finest_sentence_expression_wins() -> None:
    ts = event_date(["in 2016", "on Tuesday"], [], PUB)
    assert (ts.start, ts.end, ts.precision) == (D("2016-03-08"), D("2016-03-08"), "day")


def test_sentence_date_after_publication_is_ignored() -> None:
    ts = event_date(["on 20 March 2016", "on Monday"], [], PUB)
    assert ts.start == D("2016-03-07")


def test_lead_day_dates_an_undated_sentence() -> None:
    ts = event_date([], ["Monday night"], PUB)
    assert (ts.start, ts.end, ts.precision, ts.anchor) == (D("2016-03-07"), D("2016-03-07"), "day", "lead date")


def test_earliest_lead_day_is_the_incident() -> None:
    ts = event_date([], ["on Wednesday", "late Sunday"], PUB)
    assert ts.start == D("2016-03-06") and ts.precision == "day"


def test_recent_narrative_date_is_widened_honestly() -> None:
    ts = event_date([], ["on 2 March 2016"], PUB)
    assert (ts.start, ts.end) == (D("2016-03-02"), PUB)
    assert ts.precision != "day" and ts.anchor == "narrative date"


def test_lead_day_inside_the_narrative_span_is_tighter() -> None:
    ts = event_date([], ["on 2 March 2016", "on Monday"], PUB)
    assert (ts.start, ts.end, ts.precision) == (D("2016-03-07"), D("2016-03-07"), "day")


def test_historical_reference_yields_to_the_lead_day() -> None:
    ts = event_date([], ["in August 2013", "on Tuesday"], PUB)
    assert ts.start == D("2016-03-08")


def test_historical_reference_used_when_it_is_the_only_date() -> None:
    ts = event_date([], ["in August 2013"], PUB)
    assert ts.start == D("2013-08-01") and ts.precision == "month"


def test_nothing_to_go_on() -> None:
    assert event_date([], [], PUB) is None
    assert event_date([], ["on Tuesday"], None) is None  # a weekday needs a publication day
    assert event_date([], ["on Tuesday"], date(2016, 3, 1), "month") is None


def test_names_calendar_date() -> None:
    assert names_calendar_date("on 2 March")
    assert names_calendar_date("in 2013")
    assert not names_calendar_date("Monday night")
    assert not names_calendar_date("yesterday")
