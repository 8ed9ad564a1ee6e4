"""Export: field names exactly as the contract, CSV round trip, GeoJSON structure."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from deathtoll.errors import ExportError
from deathtoll.export import write
from deathtoll.model import (
    Actor,
    Contradiction,
    CountClaim,
    Document,
    Event,
    EventMention,
    Place,
    TimeSpan,
    Toll,
)
from deathtoll.store import Store

KANO = Place("Kano", admin1="Kano", country="Nigeria", country_code="NG", lat=12.0, lon=8.5, precision=1)
DAY = TimeSpan(date(2021, 5, 3), date(2021, 5, 3), "day")
BANDITS = Actor("bandits", "Armed bandits", "non_state")


def claim(n: int, doc_id: str, kind: str = "killed", claim_id: str = "", subgroup: str | None = None) -> CountClaim:
    return CountClaim(kind=kind, low=n, high=None, value=n, qualifier="at least", victim_kind="civilian",
                      subgroup=subgroup, claimant="a local medic", claimant_kind="witness",
                      quote=f"at least {n} people died, a medic said", start=5, end=40, doc_id=doc_id,
                      claim_id=claim_id)


def mention(mid: str, doc_id: str, *claims: CountClaim, place: Place | None = KANO) -> EventMention:
    return EventMention(mention_id=mid, doc_id=doc_id, event_type="shooting", perpetrator=BANDITS,
                        claims=claims, place=place, time=DAY, trigger="shot", quote="q", start=0, end=50)


M1 = mention("m1", "d1", claim(12, "d1", claim_id="c1"), claim(3, "d1", kind="injured", claim_id="c2"))
M2 = mention("m2", "d2", claim(15, "d2", claim_id="c3"), claim(4, "d2", claim_id="c4", subgroup="children"))
EV = Event(
    event_id="ev1", event_type="shooting", mentions=(M1, M2), perpetrator=BANDITS, place=KANO, time=DAY,
    fatalities=Toll(12, 15, 15, 2), injured=Toll(3, 3, 3, 1),
    victims={"civilians": Toll(12, 15, 15, 2), "children": Toll(4, 4, 4, 1)},
    contradictions=(Contradiction("c1", "c3", "fatalities", "12 vs 15"),),
    link_reasons=("same place", "same day"), rule="max-credible",
)
EV_NOWHERE = Event(event_id="ev2", event_type="clash", mentions=(mention("m3", "d3", place=None),))

TOLL_KEYS = {"low", "best", "high"}
CLAIM_KEYS = {"doc_id", "kind", "low", "high", "qualifier", "victim_kind", "claimant", "claimant_kind",
              "quote", "start", "end", "claim_id", "value", "subgroup", "mention_id"}


def naive_tolls(mentions):
    """A stand-in for reconcile: best = largest value per kind."""
    def toll(cs):
        vals = [c.value for c in cs if c.value is not None]
        return Toll(min(vals), max(vals), max(vals), len(vals)) if vals else Toll(None, None, None)
    cs = [c for m in mentions for c in m.claims]
    return (toll([c for c in cs if c.kind == "killed"]), toll([c for c in cs if c.kind == "injured"]),
            {"children": toll([c for c in cs if c.subgroup == "children"])})


def export(source, what, fmt, **kw) -> str:
    buf = io.StringIO()
    write(source, what, fmt, buf, **kw)
    return buf.getvalue()


def test_events_jsonl_contract():
    lines = export([EV, EV_NOWHERE], "events", "jsonl").splitlines()
    assert len(lines) == 2
    e = json.loads(lines[0])
    assert {"event_id", "event_type", "perpetrator", "place", "date", "fatalities", "injured", "victims",
            "documents", "claims", "contradictions", "link_reasons", "n_documents"} <= set(e)
    assert e["perpetrator"] == {"id": "bandits", "name": "Armed bandits", "kind": "non_state"}
    assert {"name", "admin1", "country", "lat", "lon", "precision"} <= set(e["place"])
    assert e["place"]["name"] == "Kano" and e["place"]["lat"] == 12.0
    assert e["date"] == {"start": "2021-05-03", "end": "2021-05-03", "precision": "day"}
    assert e["fatalities"] == {"low": 12, "best": 15, "high": 15}
    assert set(e["injured"]) == TOLL_KEYS
    assert list(e["victims"]) == ["civilians", "combatants", "prisoners", "children", "women"]
    assert e["victims"]["combatants"] == {"low": None, "best": None, "high": None}
    assert e["victims"]["children"]["best"] == 4
    assert e["documents"] == ["d1", "d2"] and e["n_documents"] == 2
    assert len(e["claims"]) == 4 and all(CLAIM_KEYS <= set(c) for c in e["claims"])
    assert e["claims"][2]["claim_id"] == "c3" and e["claims"][2]["mention_id"] == "m2"
    assert e["contradictions"][0]["reason"] == "12 vs 15"
    assert e["link_reasons"] == ["same place", "same day"]
    blank = json.loads(lines[1])
    assert blank["place"]["lat"] is None and blank["date"]["start"] is None
    assert set(blank["victims"]) == {"civilians", "combatants", "prisoners", "children", "women"}


def test_mentions_need_tolls_for_and_use_own_claims():
    with pytest.raises(ExportError):
        export([EV], "mentions", "jsonl")
    rows = [json.loads(x) for x in export([EV, EV_NOWHERE], "mentions", "jsonl", tolls_for=naive_tolls).splitlines()]
    assert [(r["mention_id"], r["doc_id"], r["event_id"]) for r in rows] == [
        ("m1", "d1", "ev1"), ("m2", "d2", "ev1"), ("m3", "d3", "ev2")]
    assert rows[0]["fatalities"] == {"low": 12, "best": 12, "high": 12}
    assert rows[0]["injured"]["best"] == 3
    assert rows[1]["fatalities"]["best"] == 15 and rows[1]["victims"]["children"]["best"] == 4
    assert rows[0]["victims"]["women"] == {"low": None, "best": None, "high": None}
    assert [c["claim_id"] for c in rows[1]["claims"]] == ["c3", "c4"]
    assert rows[0]["documents"] == ["d1"]


def test_events_csv_round_trip():
    text = export([EV, EV_NOWHERE], "events", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 2
    r = rows[0]
    for col in ("event_id", "place_name", "place_admin1", "place_lat", "perpetrator_id", "date_start",
                "fatalities_low", "fatalities_best", "fatalities_high", "injured_best",
                "victims_civilians_best", "victims_women_low", "n_documents"):
        assert col in r
    assert "claims" not in r
    assert (r["place_name"], float(r["place_lat"]), r["fatalities_best"], r["documents"]) == ("Kano", 12.0, "15", "d1;d2")
    assert r["link_reasons"] == "same place;same day"
    assert json.loads(r["contradictions"])[0]["claim_a"] == "c1"
    assert rows[1]["place_lat"] == "" and rows[1]["fatalities_best"] == ""


def test_empty_csv_still_has_header():
    text = export([], "events", "csv")
    header = next(csv.reader(io.StringIO(text)))
    assert header[0] == "event_id" and "fatalities_best" in header


def test_claims_csv_rows():
    rows = list(csv.DictReader(io.StringIO(export([EV], "claims", "csv"))))
    assert [r["claim_id"] for r in rows] == ["c1", "c2", "c3", "c4"]
    assert rows[0]["event_id"] == "ev1" and rows[0]["doc_id"] == "d1" and rows[0]["quote"].startswith("at least 12")
    assert {"source", "url", "low", "high", "value", "qualifier", "claimant_kind"} <= set(rows[0])
    assert rows[0]["high"] == ""


def test_geojson_feature_collection():
    gj = json.loads(export([EV, EV_NOWHERE], "events", "geojson"))
    assert gj["type"] == "FeatureCollection"
    (f,) = gj["features"]  # the event without coordinates is left out
    assert f["type"] == "Feature" and f["geometry"] == {"type": "Point", "coordinates": [8.5, 12.0]}
    assert f["properties"]["event_id"] == "ev1" and f["properties"]["fatalities_best"] == 15
    assert f["properties"]["victims_women_best"] is None


def test_bad_arguments():
    with pytest.raises(ExportError):
        export([EV], "places", "jsonl")
    with pytest.raises(ExportError):
        export([EV], "events", "xml")


def test_export_from_store(tmp_path):
    with Store.open(tmp_path / "x.db") as s:
        s.add_documents([Document("d1", "First report text.", source="Wire A", url="http://a.test/1"),
                         Document("d2", "Second report text.", source="Wire B"),
                         Document("d3", "Third report text.")])
        s.save_mentions(["d1", "d2", "d3"], [M1, M2, EV_NOWHERE.mentions[0]], "v1")
        s.replace_events([EV, EV_NOWHERE], s.start_run("v1"))
        events = [json.loads(x) for x in export(s, "events", "jsonl").splitlines()]
        assert [e["event_id"] for e in events] == ["ev1", "ev2"]
        assert events[0]["fatalities"]["best"] == 15
        claims = [json.loads(x) for x in export(s, "claims", "jsonl").splitlines()]
        assert (claims[0]["source"], claims[0]["url"], claims[0]["event_id"]) == ("Wire A", "http://a.test/1", "ev1")
        mentions = [json.loads(x) for x in export(s, "mentions", "jsonl", tolls_for=naive_tolls).splitlines()]
        assert {m["mention_id"]: m["event_id"] for m in mentions} == {"m1": "ev1", "m2": "ev1", "m3": "ev2"}
