"""Store: migrations, documents, mentions, events, runs, edits, views, locking."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from store_samples import TEXT_A, TEXT_B, make_doc, make_event, make_mention
from deathtoll.errors import DatabaseLocked, NotFound, StoreError
from deathtoll.model import Actor
from deathtoll.store import Store
from deathtoll.store.migrations import MIGRATIONS


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "ledger.db"


def test_open_creates_schema_and_migrations_are_idempotent(db_path):
    with Store.open(db_path) as s:
        s.add_documents([make_doc("a", TEXT_A)])
    with Store.open(db_path) as s:  # second open applies nothing, keeps data
        assert s.count_documents() == 1
    conn = sqlite3.connect(db_path)
    versions = [r[0] for r in conn.execute("SELECT version FROM _migrations")]
    assert versions == sorted(MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"documents", "mentions", "claims", "events", "event_mentions", "runs", "edits",
            "v_events", "v_claims"} <= names
    conn.close()


def test_open_in_missing_folder_is_a_store_error(tmp_path):
    with pytest.raises(StoreError):
        Store.open(tmp_path / "nope" / "x.db")


def test_add_documents_dedups_by_content_hash(db_path):
    with Store.open(db_path) as s:
        r1 = s.add_documents([make_doc("a", TEXT_A), make_doc("b", TEXT_B)])
        assert r1.added == ["a", "b"] and r1.duplicates == []
        # same text with other spacing and another id: a duplicate, stored once
        r2 = s.add_documents([make_doc("a2", "  Gunmen shot 12 villagers\nnear Kano on Monday, police said. ")])
        assert r2.added == [] and r2.duplicates == [("a2", "a")]
        assert s.count_documents() == 2
        # re-adding is a no-op
        assert s.add_documents([make_doc("a", TEXT_A)]).duplicates == [("a", "a")]


def test_clashing_doc_id_with_new_text_gets_suffix(db_path):
    with Store.open(db_path) as s:
        s.add_documents([make_doc("a", TEXT_A)])
        r = s.add_documents([make_doc("a", TEXT_B), make_doc("a", "Third text about a raid.")])
        assert r.added == ["a-2", "a-3"]
        assert r.renamed == [("a", "a-2"), ("a", "a-3")]
        assert s.get_document("a-2").text == TEXT_B


def test_document_round_trip_and_not_found(db_path):
    doc = make_doc("a", TEXT_A, title="Raid", url="http://x.test/a", published="2021-05-04",
                   path="in/a.txt", format="txt", meta={"lang": "en", "tags": [1, 2]})
    with Store.open(db_path) as s:
        s.add_documents([doc])
        got = s.get_document("a")
        assert got == doc and got.meta == {"lang": "en", "tags": [1, 2]}
        assert [d.doc_id for d in s.iter_documents()] == ["a"]
        with pytest.raises(NotFound):
            s.get_document("zzz")


def test_save_mentions_replaces_and_marks_processed(db_path):
    with Store.open(db_path) as s:
        s.add_documents([make_doc("a", TEXT_A), make_doc("b", TEXT_B)])
        assert [d.doc_id for d in s.unprocessed_documents("v1")] == ["a", "b"]
        m1, m2 = make_mention("m1", "a"), make_mention("m2", "a", n=15)
        s.save_mentions(["a"], [m1, m2], "v1")
        assert [d.doc_id for d in s.unprocessed_documents("v1")] == ["b"]
        assert s.all_mentions() == [m1, m2]  # rebuilt exactly from the data JSON
        s.save_mentions(["a"], [make_mention("m3", "a")], "v2")  # replaces
        assert [m.mention_id for m in s.all_mentions()] == ["m3"]
        assert [d.doc_id for d in s.unprocessed_documents("v2", reprocess=True)] == ["b"]
        assert [d.doc_id for d in s.unprocessed_documents("v3", reprocess=True)] == ["a", "b"]
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 1
    row = conn.execute("SELECT place_name, place_lat, date_start, perpetrator_id FROM mentions").fetchone()
    assert row == ("Kano", 12.0, "2021-05-03", "bandits")
    conn.close()


def test_save_mentions_is_one_transaction(db_path):
    with Store.open(db_path) as s:
        s.add_documents([make_doc("a", TEXT_A), make_doc("b", TEXT_B)])
        s.save_mentions(["a"], [make_mention("m1", "a")], "v1")
        # m1 again for doc b clashes with the stored m1 of a → everything rolls back
        with pytest.raises(StoreError, match="mention 'm1' of 'b'"):
            s.save_mentions(["b"], [make_mention("ok", "b"), make_mention("m1", "b")], "v1")
        assert [m.mention_id for m in s.all_mentions()] == ["m1"]
        with pytest.raises(StoreError, match="mention 'twice' of 'b'"):  # repeated within one batch
            s.save_mentions(["b"], [make_mention("twice", "b"), make_mention("twice", "b", n=3)], "v1")
        assert [d.doc_id for d in s.unprocessed_documents("v1")] == ["b"]
        with pytest.raises(StoreError):  # mention of a doc not being saved
            s.save_mentions(["a"], [make_mention("x", "b")], "v1")
        with pytest.raises(NotFound):
            s.save_mentions(["nope"], [], "v1")


def test_claim_ids_are_derived_when_missing_or_clashing(db_path):
    with Store.open(db_path) as s:
        s.add_documents([make_doc("a", TEXT_A)])
        s.save_mentions(["a"], [make_mention("m1", "a", claim_id="c9"), make_mention("m2", "a", claim_id="c9"),
                                make_mention("m3", "a")], "v1")
    conn = sqlite3.connect(db_path)
    ids = sorted(r[0] for r in conn.execute("SELECT claim_id FROM claims"))
    assert len(set(ids)) == 3 and "c9" in ids and "c9-2" in ids
    conn.close()


def _events_store(s: Store) -> None:
    s.add_documents([make_doc("a", TEXT_A), make_doc("b", TEXT_B)])
    ma, mb = make_mention("m1", "a"), make_mention("m2", "b")
    ma2, mb2 = make_mention("m3", "a", n=4), make_mention("m4", "b", n=4)
    s.save_mentions(["a", "b"], [ma, mb, ma2, mb2], "v1")
    events = [
        make_event("e-old", (ma,), deaths=5, day=date(2020, 1, 1)),
        make_event("e-new", (mb,), deaths=30, day=date(2022, 6, 1), country="Iraq", country_code="IQ",
                   admin1="Nineveh",
                   actor=Actor("islamic_state", "Islamic State", "non_state"), event_type="bombing"),
        make_event("e-undated", (ma2, mb2), deaths=None, day=None),
    ]
    run = s.start_run("v1")
    s.replace_events(events, run)


def test_events_filters_and_order(db_path):
    with Store.open(db_path) as s:
        _events_store(s)
        assert [e.event_id for e in s.events()] == ["e-new", "e-old", "e-undated"]
        assert [e.event_id for e in s.events(since=date(2021, 1, 1))] == ["e-new"]
        assert [e.event_id for e in s.events(until="2021-01-01")] == ["e-old"]
        assert [e.event_id for e in s.events(country="iq")] == ["e-new"]
        assert [e.event_id for e in s.events(country="IRAQ")] == ["e-new"]
        assert [e.event_id for e in s.events(admin1="kano")] == ["e-old", "e-undated"]
        assert [e.event_id for e in s.events(perpetrator="islamic_state")] == ["e-new"]
        assert [e.event_id for e in s.events(perpetrator="bandit")] == ["e-old", "e-undated"]
        assert [e.event_id for e in s.events(event_type="bombing")] == ["e-new"]
        assert [e.event_id for e in s.events(min_deaths=10)] == ["e-new"]
        assert [e.event_id for e in s.events(limit=1)] == ["e-new"]
        assert s.events(country="Nigeria", min_deaths=100) == []


def test_get_event_round_trip_and_not_found(db_path):
    with Store.open(db_path) as s:
        _events_store(s)
        e = s.get_event("e-undated")
        assert [m.mention_id for m in e.mentions] == ["m3", "m4"]
        assert e.contradictions[0].reason == "12 vs 15" and e.link_reasons == ("same place", "same day")
        assert s.mention_events() == {"m1": "e-old", "m2": "e-new", "m3": "e-undated", "m4": "e-undated"}
        with pytest.raises(NotFound):
            s.get_event("nope")


def test_replace_events_is_wholesale(db_path):
    with Store.open(db_path) as s:
        _events_store(s)
        s.replace_events([make_event("only", (make_mention("m1", "a"),))], None)
        assert [e.event_id for e in s.events()] == ["only"]
        assert s.count_events() == 1
        assert s.mention_events() == {"m1": "only"}
        with pytest.raises(StoreError, match="event 'x'"):  # duplicate ids: rolled back, old events kept
            s.replace_events([make_event("x", ()), make_event("y", ()), make_event("x", ())])
        assert [e.event_id for e in s.events()] == ["only"]


def test_views_readable_with_plain_sqlite(db_path):
    with Store.open(db_path) as s:
        _events_store(s)
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    rows = {r["event_id"]: dict(r) for r in conn.execute("SELECT * FROM v_events")}
    new = rows["e-new"]
    assert (new["fatalities_low"], new["fatalities_best"], new["civilians_best"]) == (30, 30, 30)
    assert new["children_best"] is None and new["documents"] == "b" and new["n_contradictions"] == 1
    assert rows["e-undated"]["documents"] == "a;b"
    claims = [dict(r) for r in conn.execute("SELECT * FROM v_claims ORDER BY doc_id")]
    got = sorted((c["mention_id"], c["event_id"], c["doc_id"], c["source"], c["kind"], c["low"]) for c in claims)
    assert got == [("m1", "e-old", "a", "Daily Wire Test", "killed", 12),
                   ("m2", "e-new", "b", "Daily Wire Test", "killed", 12),
                   ("m3", "e-undated", "a", "Daily Wire Test", "killed", 4),
                   ("m4", "e-undated", "b", "Daily Wire Test", "killed", 4)]
    conn.close()


def test_runs_recorded(db_path):
    with Store.open(db_path) as s:
        run = s.start_run("v7")
        s.finish_run(run, {"documents": 3, "events": 1})
        (r,) = s.runs()
        assert r["run_id"] == run and r["version"] == "v7" and r["stats"] == {"documents": 3, "events": 1}
        assert r["finished_at"] is not None
        with pytest.raises(NotFound):
            s.finish_run("nope", {})


def test_edits_add_and_undo(db_path):
    with Store.open(db_path) as s:
        e1 = s.add_edit("ana", "merge", "e-1", {"with": "e-2"})
        e2 = s.add_edit("ben", "set_toll", "e-3", {"best": 7})
        assert [e.edit_id for e in s.active_edits()] == [e1, e2]
        assert s.active_edits()[0].payload == {"with": "e-2"}
        s.undo_edit(e1)
        s.undo_edit(e1)  # idempotent
        assert [e.edit_id for e in s.active_edits()] == [e2]
        with pytest.raises(NotFound):
            s.undo_edit(999)
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM edits WHERE undone_at IS NOT NULL").fetchone()[0] == 1
    conn.close()


def test_locked_database_raises_database_locked(db_path):
    Store.open(db_path).close()
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Store.open(db_path, timeout=0.1) as s:  # opening a current db needs no lock
            with pytest.raises(DatabaseLocked, match="locked"):
                s.add_edit("ana", "merge", "e-1", {})
            assert s.count_documents() == 0  # reads still work under WAL
    finally:
        holder.execute("ROLLBACK")
        holder.close()
