"""Property tests: count parsing, date resolution and place lookup never raise on any string,
and what they return is well formed."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deathtoll.extract.counts import find_counts
from deathtoll.geo import get_gazetteer
from deathtoll.model import Place, TextSpan
from deathtoll.when import resolve_date

PLACE_WORDS = [
    "Raqqa", "Ar-Raqqa", "At-Tabaqa", "Tabqa", "Al-Thawrah", "Palmyra", "Tadmur", "Aleppo", "Gao", "Kidal",
    "Homs", "Idlib", "Mosul", "Syria", "Mali", "near", "outside", "in", "the", "village", "of", "province",
    "al-", "Al", "el", "north", "Governorate", "District", "city", "St.", "New", "San", "Saint-", "'", "-",
    ",", "(", ")", "حلب", "阿勒颇", "Ḥalab", "İdlib", "ß", "\u0301", "\u200b", "", " ", "0", "9999",
]
names = st.lists(st.sampled_from(PLACE_WORDS), min_size=1, max_size=5).map(" ".join)
any_name = st.one_of(names, st.text(max_size=40))
DIGITS = ["9" * 40, "99999999999999", "10^12", "1e12", "٣", "１２", "1,000,000,000,000", "0", "00", "-5", "3.5",
          "killed", "at least", "more than", "between", "and", "people", "dozens of", "tens of thousands", " "]
count_text = st.one_of(st.lists(st.sampled_from(DIGITS), max_size=10).map(" ".join), st.text(max_size=60))
_SLOW = [HealthCheck.too_slow]


def _place_ok(p: Place) -> None:
    assert isinstance(p.name, str) and p.name
    assert p.lat is None or -90.0 <= p.lat <= 90.0
    assert p.lon is None or -180.0 <= p.lon <= 180.0
    assert isinstance(p.precision, int) and 1 <= p.precision <= 7


@settings(max_examples=300, deadline=None, suppress_health_check=_SLOW)
@given(name=any_name)
def test_place_lookup_never_raises_and_places_are_well_formed(name: str) -> None:
    gaz = get_gazetteer()
    for p in gaz.lookup(name):
        _place_ok(p)
    assert isinstance(gaz.is_place(name), bool)


@settings(max_examples=200, deadline=None, suppress_health_check=_SLOW)
@given(cands=st.lists(any_name, max_size=4), text=st.text(max_size=80),
       hint=st.one_of(st.none(), st.sampled_from(["SY", "Syria", "ML", "", "xx", "Atlantis"])))
def test_resolve_place_never_raises_and_gives_a_well_formed_place(cands: list[str], text: str, hint) -> None:
    spans = [TextSpan(0, len(c), c) for c in cands]
    p = get_gazetteer().resolve_place(spans, text=text, country_hint=hint)
    if p is not None:
        _place_ok(p)


@settings(max_examples=300, deadline=None)
@given(sentence=count_text)
def test_counts_on_digit_heavy_text_are_ordered_and_not_negative(sentence: str) -> None:
    for c in find_counts(sentence):
        assert sentence[c.start:c.end] == c.text
        for v in (c.low, c.value, c.high):
            assert v is None or (isinstance(v, int) and v >= 0)
        if c.low is not None and c.high is not None:
            assert c.low <= c.high
        if c.value is not None:
            assert (c.low is None or c.low <= c.value) and (c.high is None or c.value <= c.high)


@settings(max_examples=300, deadline=None)
@given(expr=st.text(max_size=60), published=st.one_of(st.none(), st.dates(date(1, 1, 1), date(9999, 12, 31))),
       precision=st.sampled_from(["day", "month", "year", "unknown"]))
def test_date_resolution_at_any_publication_date_is_ordered(expr: str, published, precision: str) -> None:
    span = resolve_date(expr, published, precision)
    if span is not None:
        assert span.start <= span.end
