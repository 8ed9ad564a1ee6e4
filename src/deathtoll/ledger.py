"""Library operations over one ledger file: what the CLI, the web app and Python users call.

Each function is one unit of work: it reads from the ``Store``, calls the
``Pipeline`` (which never writes) and saves the result in the store's own
transactions. ``import deathtoll; deathtoll.open("x.db")`` returns a ``Ledger``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Optional

from . import ingest as ingest_stage
from . import reconcile, review
from .errors import DeathtollError
from .model import Event, EventMention, Toll
from .pipeline import Constraints, Pipeline
from .store import Store

ProgressFn = Callable[[int], None]


@dataclass
class IngestSummary:
    added: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    errors: list[tuple[str, DeathtollError]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class RunSummary:
    run_id: str
    documents: int
    mentions: int
    events: int


def tolls_for(mentions: Iterable[EventMention]) -> tuple[Toll, Toll, dict[str, Toll]]:
    """Fatalities, injured and per-victim tolls of some mentions, by the reconciliation rule."""
    r = reconcile.reconcile(list(mentions))
    return r.fatalities, r.injured, dict(r.victims)


def constraints_from_edits(edits) -> Constraints:
    """Analyst merges and splits as linker constraints (later edits win)."""
    c = Constraints()
    for e in edits:
        p = e.payload
        if e.action == "merge":
            ids = p.get("mention_ids", [])
            c.must_link.extend((a, b) for a, b in zip(ids, ids[1:]))
        elif e.action == "split":
            mid = p.get("mention_id")
            for other in p.get("from_mention_ids", []):
                if other != mid:
                    c.cannot_link.append((mid, other))
    return c


class Ledger:
    """A ledger file and the pipeline that fills it."""

    def __init__(self, path: str | Path, *, pipeline: Optional[Pipeline] = None) -> None:
        self.path = Path(path)
        self.store = Store.open(self.path)
        self._pipeline = pipeline

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline()
        return self._pipeline

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # --------------------------------------------------------------- operations
    def ingest(self, paths: Iterable[str | Path], *, csv_columns: Mapping[str, str] | None = None) -> IngestSummary:
        """Read files into the ledger. Identical documents are stored once."""
        report = ingest_stage.read_paths(list(paths), csv_columns=dict(csv_columns) if csv_columns else None)
        res = self.store.add_documents(report.documents)
        return IngestSummary(
            added=list(res.added), duplicates=list(res.duplicates), skipped=list(report.skipped), errors=list(report.errors)
        )

    def run(self, *, reprocess: bool = False, progress: ProgressFn | None = None) -> RunSummary:
        """Extract what is new, then re-link and re-reconcile the whole ledger."""
        version = self.pipeline.version
        run_id = self.store.start_run(version)
        docs = self.store.unprocessed_documents(version, reprocess=reprocess)
        mentions = self.pipeline.extract(docs, progress=progress)
        self.store.save_mentions([d.doc_id for d in docs], mentions, version)
        events = self.rebuild_events()
        stats = {"documents": len(docs), "mentions": len(mentions), "events": len(events)}
        self.store.finish_run(run_id, stats)
        return RunSummary(run_id, len(docs), len(mentions), len(events))

    def rebuild_events(self) -> list[Event]:
        """Link and reconcile every stored mention, obeying analyst edits; replace the events."""
        mentions = self.store.all_mentions()
        edits = self.store.active_edits()
        constraints = constraints_from_edits(edits)
        events = self.pipeline.build_events(mentions, constraints=constraints, previous=self.store.mention_events())
        events = review.apply_edits(events, edits, tolls_for=tolls_for)
        self.store.replace_events(events)
        return events

    def events(self, **filters: Any) -> list[Event]:
        return self.store.events(**filters)

    def event(self, event_id: str) -> Event:
        return self.store.get_event(event_id)

    def document(self, doc_id: str):
        return self.store.get_document(doc_id)

    def export(self, what: str, fmt: str, out) -> int:
        from . import export

        return export.write(self.store, what, fmt, out, tolls_for=tolls_for)


def open(path: str | Path = "deathtoll.db", **kw: Any) -> Ledger:  # noqa: A001 - deliberate, like sqlite3.connect
    """Open (or create) a ledger file."""
    return Ledger(path, **kw)
