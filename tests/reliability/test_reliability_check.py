"""``deathtoll check`` finds each kind of damage, and passes a sound ledger."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import deathtoll
from deathtoll.check import Problem, check_ledger
from deathtoll.cli import cli
from deathtoll.model import CountClaim, Document, EventMention, Event, Toll
from deathtoll.store import Store

TEXT = "Gunmen killed 3 people in Gao on Monday. Two more died later."


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    """A small sound ledger: one document, one mention with one claim, one event."""
    path = tmp_path / "l.db"
    quote = TEXT[:40]
    claim = CountClaim(kind="killed", low=3, high=3, value=3, qualifier="exact", quote=quote, start=0, end=40,
                       number_text="3", number_start=14, number_end=15, doc_id="d1", claim_id="c1")
    m = EventMention("m1", "d1", "attack", claims=(claim,), quote=quote, start=0, end=40, extractor="x/1")
    with Store.open(path) as s:
        s.add_documents([Document("d1", TEXT)])
        s.save_mentions(["d1"], [m], "x/1")
        s.replace_events([Event("ev-1", "attack", (m,), fatalities=Toll(3, 3, 3, 1))])
    return path


def _kinds(db: Path) -> set[str]:
    with Store.open(db) as s:
        return {p.kind for p in check_ledger(s)}


def _sql(db: Path, *stmts: str) -> None:
    c = sqlite3.connect(db, isolation_level=None)
    c.execute("PRAGMA foreign_keys = OFF")
    for s in stmts:
        c.execute(s)
    c.close()


def test_sound_ledger_passes_and_cli_says_ok(db: Path) -> None:
    with Store.open(db) as s:
        assert check_ledger(s) == []
    r = CliRunner().invoke(cli, ["--db", str(db), "check"])
    assert r.exit_code == 0 and r.output.startswith("ok: 1 documents, 1 mentions, 1 claims, 1 events")


@pytest.mark.parametrize(
    ("damage", "kind"),
    [
        (["UPDATE claims SET quote = 'Gunmen killed 30 people'"], "claim_offsets"),
        (['UPDATE claims SET "end" = 500'], "claim_offsets"),
        (["UPDATE mentions SET start = 5"], "mention_offsets"),
        (["UPDATE documents SET text = 'Something else entirely.'"], "document_hash"),
        (["DELETE FROM documents"], "foreign_key"),
        (["DELETE FROM documents"], "mention_document"),
        (["DELETE FROM mentions"], "event_mention"),
        (["UPDATE events SET fatalities_low = 9"], "toll_order"),
        (["""UPDATE events SET victims = '{"civilians": {"low": 5, "best": 2, "high": 1}}'"""], "toll_order"),
        (["DELETE FROM _migrations WHERE version = 2"], "migrations"),
        (["INSERT INTO _migrations VALUES (999, 'from the future', 'x')"], "migrations"),
    ],
)
def test_each_kind_of_damage_is_found(db: Path, damage: list[str], kind: str) -> None:
    _sql(db, *damage)
    c = sqlite3.connect(db)
    # read the problems without Store.open, which would apply a deleted migration again
    from deathtoll.store import integrity

    kinds = {k for k, _ in integrity.findings(c)}
    c.close()
    assert kind in kinds


def test_duplicate_hashes_are_found(db: Path) -> None:
    # the UNIQUE constraint forbids a duplicate in the real table, so a TEMP table of the same
    # name (searched first by SQLite) plays a damaged file's documents
    c = sqlite3.connect(db)
    from deathtoll.store import integrity

    c.execute("CREATE TEMP TABLE documents AS SELECT * FROM main.documents UNION ALL SELECT * FROM main.documents")
    assert any(k == "document_hash" and "shared by 2" in d for k, d in integrity.document_hashes(c))
    c.close()


def test_cli_check_reports_problems_and_exits_1(db: Path) -> None:
    _sql(db, "UPDATE claims SET quote = 'not the text'")
    r = CliRunner().invoke(cli, ["--db", str(db), "check"])
    assert r.exit_code == 1
    assert "problem: claim_offsets: c1: quote differs from the text of document d1 at 0-40" in r.output
    assert "1 problems found" in r.output


def test_a_file_that_is_not_a_database_is_a_clear_failure(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not an SQLite file at all" * 100)
    r = CliRunner().invoke(cli, ["--db", str(bad), "check"])
    assert r.exit_code == 1 and "[E400]" in r.output and "Traceback" not in r.output


def test_a_damaged_page_is_found(db: Path) -> None:
    size = db.stat().st_size
    data = bytearray(db.read_bytes())
    for i in range(4096 + 100, min(size, 4096 * 3), 7):  # scribble over the second and third page
        data[i] = 0xA5
    db.write_bytes(bytes(data))
    with deathtoll.open(db) as lg:
        problems = check_ledger(lg.store)
    assert problems and all(isinstance(p, Problem) for p in problems)
    assert any(p.kind == "sqlite" for p in problems)
