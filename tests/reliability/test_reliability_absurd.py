"""Absurd figures and dates: kept with their source where they can be, never a toll; nothing crashes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from deathtoll.model import CountClaim, Document, EventMention
from deathtoll.reconcile import reconcile
from deathtoll.reconcile.config import load_config
from deathtoll.resources import load_json
from deathtoll.store import Store
from deathtoll.when import resolve_date


def _claim(cid: str, value: int, qualifier: str = "exact", low: int | None = None, high: int | None = None,
           doc: str = "d1") -> CountClaim:
    lo = value if low is None and qualifier == "exact" else low
    hi = value if high is None and qualifier == "exact" else high
    return CountClaim(kind="killed", low=lo, high=hi, value=value, qualifier=qualifier, claimant_kind="media",
                      doc_id=doc, claim_id=cid, number_text=str(value))


def _mention(mid: str, *claims: CountClaim) -> EventMention:
    return EventMention(mention_id=mid, doc_id=claims[0].doc_id, event_type="attack", claims=claims)


def test_the_bound_is_data_with_its_reason() -> None:
    raw = load_json("reconcile_rules.json")
    assert raw["max_plausible_event_toll"] == 1_000_000
    assert "Srebrenica" in raw["_max_plausible_event_toll_why"]
    assert load_config().max_toll == 1_000_000


@pytest.mark.parametrize("absurd", [10**12, 99_999_999_999_999, 10**40, 1_000_001])
def test_implausible_claims_are_kept_noted_and_never_set_a_toll(absurd: int) -> None:
    sane = _claim("c-sane", 23, doc="d2")
    big = _claim("c-big", absurd)
    r = reconcile([_mention("m1", big), _mention("m2", sane)])
    assert (r.fatalities.low, r.fatalities.best, r.fatalities.high) == (23, 23, 23)
    assert any("implausible" in n and "c-big" in n for n in r.notes)
    assert not r.contradictions  # an absurd figure contradicts nothing
    alone = reconcile([_mention("m1", big)])
    assert alone.fatalities.high is None and alone.fatalities.best is None


def test_open_ended_absurd_claim_is_implausible_but_a_million_is_not() -> None:
    r = reconcile([_mention("m1", _claim("c1", 10**13, "at least", low=10**13))])
    assert r.fatalities.best is None
    ok = reconcile([_mention("m1", _claim("c1", 1_000_000))])
    assert ok.fatalities.best == 1_000_000


def test_extractor_makes_no_toll_of_absurd_figures(pipeline) -> None:
    text = ("Published 2020-01-01\nGunmen killed 99999999999999 people in Aleppo on Monday. "
            "Rebels said government shelling killed 10^12 civilians in Homs. Another strike killed "
            + "9" * 40 + " people in Hama.\n")
    doc = Document("d-absurd", text, published="2020-01-01")
    mentions = pipeline.extract([doc])
    for m in mentions:
        for c in m.claims:
            assert c.value is None or c.value <= 1_000_000, c
    events = pipeline.build_events(mentions)
    for e in events:
        assert e.fatalities.high is None or e.fatalities.high <= 1_000_000


def test_store_keeps_figures_beyond_64_bits_instead_of_crashing(tmp_path: Path) -> None:
    with Store.open(tmp_path / "l.db") as s:
        s.add_documents([Document("d1", "Gunmen killed a vast number of people.")])
        c = _claim("c1", 10**30).replace(quote="Gunmen killed a vast number of people.", start=0, end=38)
        s.save_mentions(["d1"], [EventMention("m1", "d1", "attack", claims=(c,))], "v")
        (m,) = s.all_mentions()
        assert m.claims[0].value == 10**30  # exact in the record; the flat column holds it as REAL


@pytest.mark.parametrize("expr", ["1 January 0000", "31 December 9999", "0000-01-01", "9999-12-31",
                                  "in the year 0", "on 29 February 1900", "10000-01-01", "year 99999"])
@pytest.mark.parametrize("published", [None, date(1, 1, 1), date(9999, 12, 31), date(2020, 1, 1)])
def test_extreme_dates_never_crash(expr: str, published: date | None) -> None:
    span = resolve_date(expr, published)
    if span is not None:
        assert span.start <= span.end


def test_extreme_publication_dates_are_dropped_not_fatal() -> None:
    assert Document("d", "x", published="0000-01-01").published_date is None
    assert Document("d", "x", published="9999-12-31").published_date == date(9999, 12, 31)


def test_pipeline_dates_mentions_published_at_the_edge_of_the_calendar(pipeline) -> None:
    for pub in ("9999-12-31", "0001-01-01"):
        doc = Document(f"d-{pub}", "Gunmen killed 4 people in Gao on Monday. The toll rose to 6 the day after.",
                       published=pub)
        for m in pipeline.extract([doc]):
            if m.time is not None:
                assert m.time.start <= m.time.end
