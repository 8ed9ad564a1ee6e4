"""Crash safety: ``kill -9`` at random moments of ``deathtoll ingest`` and ``deathtoll run``;
after re-running, the ledger holds every document exactly once and the same events as an
uninterrupted run. Every write is one SQLite transaction (WAL), so a killed process leaves
either all of a step or none of it."""

from __future__ import annotations

import random
import signal
import time
from pathlib import Path

import deathtoll
from deathtoll.check import check_ledger
from ledger_helpers import filler, fingerprint, run_cli, start_cli
from reliability_corpus import write_good

TRIALS = 5


def _kill_after(proc, delay: float) -> bool:
    """SIGKILL ``proc`` after ``delay`` seconds; True if it was still running then."""
    try:
        proc.wait(timeout=delay)
        return False
    except Exception:  # still running: kill it hard
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


def test_kill_9_during_ingest_and_run_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    write_good(corpus)
    filler(corpus, 60)

    ref = tmp_path / "ref.db"
    t0 = time.perf_counter()
    assert run_cli(ref, "ingest", str(corpus)).returncode == 0
    t_ingest = time.perf_counter() - t0
    t0 = time.perf_counter()
    done = run_cli(ref, "run")
    t_run = time.perf_counter() - t0
    assert done.returncode == 0, done.stderr
    expected = fingerprint(ref)
    assert len(expected["documents"]) == 64 and expected["events"] and not expected["pending"]

    seed = random.randrange(10**6)
    rng = random.Random(seed)
    killed = 0
    for trial in range(TRIALS):
        db = tmp_path / f"t{trial}.db"
        killed += _kill_after(start_cli(db, "ingest", str(corpus)), rng.uniform(0.3, t_ingest * 1.1))
        assert run_cli(db, "ingest", str(corpus)).returncode == 0
        killed += _kill_after(start_cli(db, "run"), rng.uniform(t_run * 0.4, t_run * 1.05))
        assert run_cli(db, "ingest", str(corpus)).returncode == 0  # adds nothing twice
        resumed = run_cli(db, "run")
        assert resumed.returncode == 0, resumed.stderr
        assert fingerprint(db) == expected, f"trial {trial}, seed {seed}"
        with deathtoll.open(db) as lg:
            assert check_ledger(lg.store) == [], f"trial {trial}, seed {seed}"
    assert killed >= TRIALS  # at least half the kills landed while a process was running
