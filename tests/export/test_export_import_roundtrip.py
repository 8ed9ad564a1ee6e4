"""Claims GeoJSON at the event's point; events JSONL → import → export gives the same JSONL."""

from __future__ import annotations

import io
import json

import pytest

from interop_samples import ALL, DOCS, EXECUTION, IDLIB, claim, mention, IS
from deathtoll.errors import MalformedInput
from deathtoll.export import write
from deathtoll.importer import import_file, import_jsonl, read_events
from deathtoll.store import Store


def export(source, what="events", fmt="jsonl") -> str:
    buf = io.StringIO()
    write(source, what, fmt, buf)
    return buf.getvalue()


@pytest.fixture
def ledger(tmp_path):
    """A ledger built by hand: documents, mentions and events straight from model records."""
    s = Store.open(tmp_path / "a.db")
    s.add_documents(DOCS)
    mentions = [m for e in ALL for m in e.mentions]
    s.save_mentions([d.doc_id for d in DOCS], mentions, "test")
    s.replace_events(ALL, s.start_run("test"))
    yield s
    s.close()


def test_claims_geojson_placed_at_event_point(ledger):
    gj = json.loads(export(ledger, "claims", "geojson"))
    feats = {f["id"]: f for f in gj["features"]}
    assert set(feats) == {"c1", "c2", "c3", "c4", "c5", "c6"}
    assert feats["c1"]["geometry"]["coordinates"] == [38.28, 34.56]
    assert feats["c1"]["properties"]["event_id"] == "ev-exec"
    assert feats["c1"]["properties"]["source"] == "Wire A"
    assert feats["c1"]["properties"]["event_place_name"] == "Palmyra"


def test_claims_geojson_uses_event_point_over_mention_point():
    moved = mention("mz", "d1", "execution", IS, claim(3, "d1", claim_id="cz"), place=IDLIB)
    ev = EXECUTION.replace(mentions=(moved,))
    (f,) = json.loads(export([ev], "claims", "geojson"))["features"]
    assert f["geometry"]["coordinates"] == [38.28, 34.56]  # Palmyra (event), not Idlib (mention)
    assert f["properties"]["place_name"] == "Idlib"


def test_round_trip_is_identical(ledger, tmp_path):
    first = export(ledger)
    assert len(first.splitlines()) == 4
    with Store.open(tmp_path / "b.db") as fresh:
        summary = import_jsonl(fresh, first.splitlines())
        assert (summary.events, summary.mentions, summary.claims) == (4, 6, 6)
        assert sorted(summary.stub_documents) == ["d1", "d2", "d3", "d4", "d5"]
        assert export(fresh) == first
        assert fresh.get_document("d1").meta == {"stub": True}
        assert fresh.mention_events()["m4"] == "ev-clash"


def test_import_file_and_reimport_replaces(ledger, tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text(export(ledger), encoding="utf-8")
    with Store.open(tmp_path / "c.db") as s:
        import_file(s, path)
        again = import_file(s, path)  # same ids: replaced, not doubled
        assert again.stub_documents == []
        assert s.count_events() == 4 and len(s.all_mentions()) == 6


def test_import_into_ledger_with_documents_keeps_them(ledger, tmp_path):
    text = export(ledger)
    ledger.import_events(read_events(text.splitlines()))
    assert ledger.get_document("d1").text.startswith("First report")
    assert export(ledger) == text


def test_bad_lines_raise_malformed_input_and_store_nothing(tmp_path):
    with Store.open(tmp_path / "d.db") as s:
        with pytest.raises(MalformedInput, match="line 2"):
            import_jsonl(s, ['{"event_id": "x", "event_type": "shooting"}', "{not json"])
        with pytest.raises(MalformedInput, match="line 1"):
            import_jsonl(s, ['{"event_type": "shooting"}'])
        with pytest.raises(MalformedInput):
            import_file(s, tmp_path / "missing.jsonl")
        assert s.count_events() == 0
