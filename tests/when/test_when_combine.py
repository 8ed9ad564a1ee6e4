"""combine_spans (intersection or union) and date_precision_code (UCDP date_prec)."""

from __future__ import annotations

from datetime import date

import pytest

from deathtoll.errors import ResourceError
from deathtoll.model import TimeSpan
from deathtoll.when import combine_spans, date_precision_code, resolve_date
from deathtoll.when.rules import build_rules, get_rules

THU = date(2014, 8, 28)


def test_overlapping_spans_give_the_tightest():
    thursday = resolve_date("on Thursday", THU)
    late_aug = resolve_date("late August", THU)
    month = resolve_date("in August 2014", THU)
    out = combine_spans([month, late_aug, thursday])
    assert (out.start, out.end, out.precision) == (THU, THU, "day")
    assert "on Thursday" in out.text and "late August" in out.text


def test_partial_overlap_gets_precision_from_length():
    a = TimeSpan(date(2014, 8, 1), date(2014, 8, 20), "week")
    b = TimeSpan(date(2014, 8, 18), date(2014, 8, 31), "week")
    out = combine_spans([a, b])
    assert (out.start, out.end, out.precision) == (date(2014, 8, 18), date(2014, 8, 20), "days")


def test_conflicting_spans_give_the_union():
    a = TimeSpan(date(2014, 8, 27), date(2014, 8, 27), "day", anchor="published 2014-08-28")
    b = TimeSpan(date(2014, 8, 29), date(2014, 8, 29), "day", anchor="absolute")
    out = combine_spans([a, b])
    assert (out.start, out.end, out.precision) == (date(2014, 8, 27), date(2014, 8, 29), "days")
    assert out.anchor == "published 2014-08-28 | absolute"


def test_union_is_never_finer_than_its_inputs():
    a = TimeSpan(date(2014, 7, 1), date(2014, 7, 31), "month")
    b = TimeSpan(date(2014, 8, 2), date(2014, 8, 2), "day")
    assert combine_spans([a, b]).precision == "month"


def test_empty_and_none_inputs():
    assert combine_spans([]) is None
    assert combine_spans([None, None]) is None
    only = TimeSpan(THU, THU, "day")
    assert combine_spans([None, only]) is only


@pytest.mark.parametrize(
    "precision,code",
    [("day", 1), ("days", 2), ("week", 3), ("month", 4), ("year", 5), ("unknown", 5), ("Month", 4),
     ("nonsense", 5), (None, 5)],
)
def test_precision_codes(precision, code):
    assert date_precision_code(precision) == code


def test_precision_code_of_a_span_counts_its_length():
    assert date_precision_code(resolve_date("late May 2014", None)) == 3  # 11 days
    assert date_precision_code(resolve_date("3-5 May 2014", None)) == 2
    assert date_precision_code(resolve_date("May 2014", None)) == 4
    assert date_precision_code(resolve_date("2014", None)) == 5
    assert date_precision_code(resolve_date("4 May 2014", None)) == 1


def test_rules_file_names_its_source():
    from deathtoll.resources import load_json

    data = load_json("when_rules.json")
    assert "ACLED/UCDP" in data["_source"]
    assert get_rules().month_parts["late"][:2] == (21, 31)


def test_malformed_rules_raise_resource_error():
    with pytest.raises(ResourceError):
        build_rules({"months": {}})
