"""Shared plumbing: where the data is, running deathtoll through its CLI, printing tables.

Only the public output contract is used: ``deathtoll --db DB ingest FILE``,
``deathtoll --db DB run`` and ``deathtoll --db DB export --what ... --format jsonl``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "bench"
OUT = Path(__file__).resolve().parent / "out"


def arg_parser(description: str) -> argparse.ArgumentParser:
    """The options every benchmark takes."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"benchmark data folder (default {DEFAULT_DATA})")
    ap.add_argument("--limit", type=int, default=None, help="only the first N items, for a quick run")
    ap.add_argument("--db", type=Path, default=None,
                    help="keep the ledger in this file (default: a temporary one); reusing it skips documents "
                         "already processed by the same pipeline version")
    ap.add_argument("--out", type=Path, default=OUT, help=f"folder for the error files (default {OUT})")
    return ap


def skip(message: str) -> None:
    """Say why the benchmark did not run and exit successfully."""
    print(f"skipped: data not found ({message})")
    raise SystemExit(0)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(rows: Iterable[Mapping[str, Any]], path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
            n += 1
    return n


def norm_text(text: str) -> str:
    """Whitespace-normalised text: deathtoll stores identical documents once."""
    return " ".join(text.split())


@dataclass
class LedgerOutput:
    """What deathtoll exported for one benchmark run."""

    mentions: list[dict[str, Any]]
    events: list[dict[str, Any]]
    seconds: float

    def mentions_by_doc(self) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for m in sorted(self.mentions, key=lambda m: (m["doc_id"] or "", m.get("start") or 0)):
            out.setdefault(m["doc_id"], []).append(m)
        return out

    def events_by_id(self) -> dict[str, dict[str, Any]]:
        return {e["event_id"]: e for e in self.events}


def _deathtoll(db: Path, *args: str) -> None:
    cmd = [sys.executable, "-m", "deathtoll.cli", "--db", str(db), *args]
    res = subprocess.run(cmd, cwd=REPO, stdout=subprocess.PIPE, text=True)
    if res.stdout.strip():
        print("  deathtoll " + " ".join(args[:1]) + ": " + res.stdout.strip().splitlines()[-1], file=sys.stderr)
    if res.returncode not in (0, 3):
        raise SystemExit(f"deathtoll {' '.join(args)} failed with exit code {res.returncode}")


def run_deathtoll(docs: Sequence[Mapping[str, Any]], db: Optional[Path] = None) -> LedgerOutput:
    """Ingest ``docs`` (dicts with id, text, title, source, url, published) and export the ledger."""
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="deathtoll-bench-") as tmp:
        tmpdir = Path(tmp)
        inp = tmpdir / "input.jsonl"
        write_jsonl(docs, inp)
        ledger = db or tmpdir / "ledger.db"
        ledger.parent.mkdir(parents=True, exist_ok=True)
        _deathtoll(ledger, "ingest", str(inp))
        _deathtoll(ledger, "run")
        exported = {}
        for what in ("mentions", "events"):
            path = tmpdir / f"{what}.jsonl"
            _deathtoll(ledger, "export", "--what", what, "--format", "jsonl", "-o", str(path))
            exported[what] = read_jsonl(path)
    return LedgerOutput(exported["mentions"], exported["events"], time.monotonic() - t0)


def best(toll: Optional[Mapping[str, Any]]) -> Optional[int]:
    """The ``best`` figure of a ``{low, best, high}`` toll (None when absent)."""
    return None if not toll else toll.get("best")


def zero(value: Optional[int]) -> int:
    return 0 if value is None else int(value)


def fmt(x: object) -> str:
    if isinstance(x, float):
        return f"{x:.3f}"
    return "-" if x is None else str(x)


def print_table(rows: Sequence[Sequence[object]], header: Sequence[str]) -> None:
    """A plain fixed-width table on stdout."""
    cells = [list(map(str, header))] + [[fmt(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    for k, r in enumerate(cells):
        print("  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r)).rstrip())
        if k == 0:
            print("  ".join("-" * w for w in widths))
