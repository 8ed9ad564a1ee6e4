"""The Datasette metadata file describes real tables/columns, and its canned queries run."""

from __future__ import annotations

import json
import sqlite3

from interop_samples import ALL, DOCS
from deathtoll.resources import path
from deathtoll.store import Store


def test_metadata_matches_schema_and_queries_run(tmp_path):
    meta = json.loads(path("datasette-metadata.json").read_text(encoding="utf-8"))
    assert meta["title"] and meta["license"] and meta["source"]
    db = meta["databases"]["deathtoll"]
    with Store.open(tmp_path / "deathtoll.db") as s:
        s.add_documents(DOCS)
        s.save_mentions([d.doc_id for d in DOCS], [m for e in ALL for m in e.mentions], "t")
        s.replace_events(ALL)
    conn = sqlite3.connect(tmp_path / "deathtoll.db")
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        for table, info in db["tables"].items():
            assert table in names, table
            cols = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
            assert set(info.get("columns", {})) <= cols, (table, set(info.get("columns", {})) - cols)
        assert {"v_events", "v_claims"} <= set(db["tables"])
        q = db["queries"]
        tolls = conn.execute(q["events_with_tolls"]["sql"]).fetchall()
        assert [r[0] for r in tolls][:2] == ["ev-air", "ev-bomb"]  # best 36, then 30
        claims = conn.execute(q["claims_with_sources"]["sql"], {"event_id": "ev-exec"}).fetchall()
        assert [(r[0], r[10]) for r in claims] == [("c1", "Wire A"), ("c2", "Monitor B")]
        assert len(conn.execute(q["claims_with_sources"]["sql"], {"event_id": ""}).fetchall()) == 6
    finally:
        conn.close()
