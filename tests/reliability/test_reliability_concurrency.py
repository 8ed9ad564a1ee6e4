"""Two ``deathtoll`` processes ingesting and running at once, and a reader reading all the while,
on one database: no corruption, no lost writes, and a clear [E401] when a lock is held too long."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

import deathtoll
from deathtoll.check import check_ledger
from deathtoll.errors import DatabaseLocked
from deathtoll.model import Document
from deathtoll.store import Store
from ledger_helpers import CLI, filler, fingerprint, run_cli
from reliability_corpus import GOOD_REPORTS, write_good


def _reader(db: Path, stop: threading.Event, seen: dict) -> None:
    """What a web app does: open the store and read events and documents in a loop."""
    try:
        while not stop.is_set():
            with Store.open(db) as s:
                events = s.events()  # every Event validates its tolls when built
                seen["reads"] += 1
                seen["max_events"] = max(seen["max_events"], len(events))
                seen["docs"] = max(seen["docs"], s.count_documents())
            time.sleep(0.02)
    except Exception as e:  # noqa: BLE001 - reported to the test thread
        seen["error"] = repr(e)


def test_two_runs_and_a_reader_at_once_lose_nothing(tmp_path: Path) -> None:
    import subprocess

    names = list(GOOD_REPORTS)
    write_good(tmp_path / "all")
    for part, picked in (("a", names[:2]), ("b", names[2:])):
        (tmp_path / part).mkdir()
        for n in picked:
            (tmp_path / part / n).write_text(GOOD_REPORTS[n])
    filler(tmp_path / "a", 30)
    filler(tmp_path / "b", 30)  # the same filler texts: stored once whoever comes first

    ref = tmp_path / "ref.db"
    assert run_cli(ref, "ingest", str(tmp_path / "a"), str(tmp_path / "b")).returncode == 0
    assert run_cli(ref, "run").returncode == 0
    expected = fingerprint(ref)

    db = tmp_path / "shared.db"
    Store.open(db).close()  # created and migrated before the race starts
    seen = {"reads": 0, "max_events": 0, "docs": 0, "error": None}
    stop = threading.Event()
    reader = threading.Thread(target=_reader, args=(db, stop, seen))
    reader.start()
    shell = " ".join(CLI)
    procs = [
        subprocess.Popen(f"{shell} --db {db} ingest {tmp_path / p} && {shell} --db {db} run", shell=True,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for p in ("a", "b")
    ]
    outs = [p.communicate(timeout=150) for p in procs]
    stop.set()
    reader.join()
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
        assert "Traceback" not in err
    assert seen["error"] is None, seen["error"]
    assert seen["reads"] > 5
    assert fingerprint(db) == expected  # every document once, every one processed, the same events
    with deathtoll.open(db) as lg:
        assert check_ledger(lg.store) == []
        assert [r["finished_at"] is not None for r in lg.store.runs()] == [True, True]


def test_a_held_write_lock_gives_a_clear_database_locked_error(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    Store.open(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Store.open(db, timeout=0.2) as s:
            assert s.count_documents() == 0  # readers are never blocked (WAL)
            with pytest.raises(DatabaseLocked) as info:
                s.add_documents([Document("d1", "Gunmen killed 3 people.")])
        msg = str(info.value)
        assert msg.startswith("[E401]") and "locked by another process" in msg and "try again" in msg
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store.open(db) as s:  # nothing half-written; the write goes through once the lock is gone
        assert s.add_documents([Document("d1", "Gunmen killed 3 people.")]).added == ["d1"]


def test_rebuild_recomputes_when_mentions_change_under_it(tmp_path: Path, pipeline) -> None:
    """The lost-update race: run A computes events, run B saves new mentions and its events,
    then A writes. A must notice its input went stale and recompute, not overwrite B's events."""
    write_good(tmp_path / "in")
    db = tmp_path / "l.db"
    with deathtoll.open(db, pipeline=pipeline) as a, deathtoll.open(db, pipeline=pipeline) as b:
        a.ingest([tmp_path / "in" / "market.txt"])
        a.run()
        real_build = pipeline.build_events
        calls = {"n": 0}

        def racing_build(mentions, **kw):
            calls["n"] += 1
            if calls["n"] == 1:  # while A computes, B ingests and runs to completion
                pipeline.build_events = real_build
                b.ingest([tmp_path / "in" / "village.txt"])
                b.run()
                pipeline.build_events = racing_build
            return real_build(mentions, **kw)

        pipeline.build_events = racing_build
        try:
            a.rebuild_events()
        finally:
            pipeline.build_events = real_build
        assert calls["n"] == 2  # stale once, recomputed once
        docs = {d for e in a.events() for d in e.doc_ids}
        assert len(docs) == 2  # B's event survived A's write
