"""Re-extracting with a newer extractor keeps every analyst decision and records, per mention
and per run, which version produced the machine fields."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import deathtoll
from deathtoll import review
from deathtoll.check import check_ledger
from deathtoll.extract import mentions as mentions_mod
from deathtoll.pipeline import Pipeline
from reliability_corpus import write_good

NEW = "deathtoll.extract/99.0.0-test"


class NewerPipeline(Pipeline):
    """The same pipeline announcing a newer extractor version."""

    version = NEW


def _columns(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as c:
        return c.execute(sql).fetchall()


def test_reprocess_with_a_newer_version_keeps_edits_and_records_versions(tmp_path: Path, pipeline, monkeypatch) -> None:
    write_good(tmp_path / "in")
    db = tmp_path / "l.db"
    old = pipeline.version
    with deathtoll.open(db, pipeline=pipeline) as lg:
        lg.ingest([tmp_path / "in"])
        lg.run()
        events = lg.events()
        target = next(e for e in events if len(e.claims) == 1 and e.fatalities.best is not None)
        claim = target.mentions[0].claims[0]
        review.correct_claim(lg, "alice", claim.claim_id, 41)
        review.correct_event(lg, "alice", target.event_id, "type", "massacre")
        lg.rebuild_events()
        assert lg.event(target.event_id).fatalities.best == 41
    edits_before = _columns(db, "SELECT edit_id, created_at, user, action, target, payload, undone_at FROM edits")
    assert _columns(db, "SELECT DISTINCT extractor FROM mentions") == [(old,)]

    monkeypatch.setattr(mentions_mod, "EXTRACTOR_VERSION", NEW)
    newer = NewerPipeline(nlp=pipeline.nlp, gazetteer=pipeline.gazetteer)
    with deathtoll.open(db, pipeline=newer) as lg:
        assert len(lg.store.unprocessed_documents(NEW)) == 0  # a plain run leaves old output alone
        s = lg.run(reprocess=True)
        assert s.documents == 4 and not s.failed
        e = lg.event(target.event_id)
        assert e.event_type == "massacre" and e.fatalities.best == 41 and e.rule.endswith("+analyst")
        assert lg.store.runs()[0]["version"] == NEW and lg.store.runs()[-1]["version"] == old
        assert check_ledger(lg.store) == []
    assert _columns(db, "SELECT edit_id, created_at, user, action, target, payload, undone_at FROM edits") == edits_before
    assert _columns(db, "SELECT DISTINCT extractor FROM mentions") == [(NEW,)]
    assert _columns(db, "SELECT DISTINCT processed_version FROM documents") == [(NEW,)]
