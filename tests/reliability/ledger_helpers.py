"""Helpers of the reliability tests: run the real CLI in a subprocess, and fingerprint a ledger."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import deathtoll

CLI = [sys.executable, "-m", "deathtoll.cli"]


def cli_cmd(db: Path, *args: str) -> list[str]:
    """The command line running ``deathtoll --db DB ARGS`` with this interpreter."""
    return [*CLI, "--db", str(db), *args]


def run_cli(db: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run ``deathtoll`` to completion (no terminal, so no progress bar)."""
    return subprocess.run(cli_cmd(db, *args), capture_output=True, text=True, timeout=timeout, env=_env())


def start_cli(db: Path, *args: str) -> subprocess.Popen:
    """Start ``deathtoll`` without waiting."""
    return subprocess.Popen(cli_cmd(db, *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("DEATHTOLL_DB", None)
    return env


def fingerprint(db: Path) -> dict:
    """What must be equal between an interrupted-and-resumed ledger and an uninterrupted one."""
    with deathtoll.open(db) as lg:
        docs = list(lg.store.iter_documents())
        events = lg.events()
        pending = lg.store.unprocessed_documents(lg.pipeline.version)
        return {
            "documents": sorted((d.doc_id, d.hash) for d in docs),
            "pending": [d.doc_id for d in pending],
            "events": sorted(
                (e.event_id, e.event_type, e.fatalities.low, e.fatalities.best, e.fatalities.high,
                 tuple(sorted(e.doc_ids)), tuple(sorted(m.mention_id for m in e.mentions)))
                for e in events
            ),
        }


def filler(root: Path, n: int) -> None:
    """``n`` distinct reports with no casualty word (ingested and stored, never parsed)."""
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (root / f"filler_{i:03d}.txt").write_text(
            f"Council notes {i}\nThe town council met on day {i} to discuss water supplies, school "
            f"repairs and the price of bread, which rose by {i % 7} percent this month.\n"
        )
