"""Library operations over one ledger file: what the CLI, the web app and Python users call.

Each function is one unit of work: it reads from the ``Store``, calls the
``Pipeline`` (which never writes) and saves the result in the store's own
transactions. ``import deathtoll; deathtoll.open("x.db")`` returns a ``Ledger``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Optional

from . import ingest as ingest_stage
from . import reconcile, review
from .errors import DeathtollError, StoreError
from .gcpause import gc_paused
from .model import Event, EventMention, Toll
from .pipeline import Constraints, Pipeline
from .store import Store

ProgressFn = Callable[[int], None]
#: How often ``rebuild_events`` recomputes when other processes keep changing its input.
REBUILD_ATTEMPTS = 5


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
    failed: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, error) of documents whose extraction raised

    @property
    def ok(self) -> bool:
        return not self.failed


def extract_tolerant(pipeline: Pipeline, docs: list, progress: ProgressFn | None = None) -> tuple[list[EventMention], list[tuple[str, str]]]:
    """``pipeline.extract(docs)``; when it raises, each document again on its own, so one
    document that breaks the extractor is reported ``(doc_id, error)`` and the others still count."""
    try:
        return pipeline.extract(docs, progress=progress), []
    except Exception as exc:  # noqa: BLE001 - a bug on one odd document must not lose the run
        if len(docs) == 1:
            return [], [(docs[0].doc_id, _describe(exc))]
    mentions: list[EventMention] = []
    failed: list[tuple[str, str]] = []
    for d in docs:
        try:
            mentions.extend(pipeline.extract([d]))
        except Exception as exc:  # noqa: BLE001
            failed.append((d.doc_id, _describe(exc)))
    return mentions, failed


def _describe(exc: BaseException) -> str:
    """One line for an error: its type and (shortened) message."""
    return f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"


def tolls_for(
    mentions: Iterable[EventMention], origins: Mapping[str, str] | None = None
) -> tuple[Toll, Toll, dict[str, Toll]]:
    """Fatalities, injured and per-victim tolls of some mentions, by the reconciliation rule
    (``origins``: doc_id -> origin_id, so wire copies count once)."""
    r = reconcile.reconcile(list(mentions), origins=origins)
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
    def ingest(
        self, paths: Iterable[str | Path], *, csv_columns: Mapping[str, str] | None = None, progress: ProgressFn | None = None
    ) -> IngestSummary:
        """Read files into the ledger. Identical documents are stored once; near-duplicates
        (wire copies) get the earliest copy as their ``origin_id`` (:meth:`update_origins`)."""
        report = ingest_stage.read_paths(list(paths), csv_columns=dict(csv_columns) if csv_columns else None)
        res = self.store.add_documents(report.documents)
        self.update_origins(progress=progress)
        return IngestSummary(
            added=list(res.added), duplicates=list(res.duplicates), skipped=list(report.skipped), errors=list(report.errors)
        )

    def update_origins(self, *, progress: ProgressFn | None = None) -> dict[str, str]:
        """Give every document without a near-duplicate signature one, and its origin_id.

        Only new documents are hashed; the index is rebuilt from stored signatures.
        Returns the origins assigned now (doc_id -> origin_id).
        """
        from . import neardup

        new = self.store.unsigned_documents(neardup.SIGNATURE_KIND)
        if not new:
            return {}
        stored = self.store.signatures(neardup.SIGNATURE_KIND)
        origins, blobs = neardup.assign_origins(stored, new, progress=progress)
        self.store.set_origins(origins)
        self.store.save_signatures(blobs, neardup.SIGNATURE_KIND)
        return origins

    def run(self, *, reprocess: bool = False, progress: ProgressFn | None = None, dask: str | None = None) -> RunSummary:
        """Extract what is new, then re-link and re-reconcile the whole ledger.

        ``dask``: a Dask scheduler address ("tcp://host:8786"); extraction then runs on its
        workers (``deathtoll.distributed``, needs the ``[dask]`` extra) and is saved here.
        """
        version = self.pipeline.version
        run_id = self.store.start_run(version)
        docs = self.store.unprocessed_documents(version, reprocess=reprocess)
        failed: list[tuple[str, str]] = []
        if dask:
            from .distributed import extract_on_dask

            mentions = extract_on_dask(docs, dask, progress=progress)
        else:
            mentions, failed = extract_tolerant(self.pipeline, docs, progress)
        # a failed document stays unprocessed (retried by the next run) and is listed in the run's stats
        bad = {doc_id for doc_id, _ in failed}
        mentions = [m for m in mentions if m.doc_id not in bad]
        self.store.save_mentions([d.doc_id for d in docs if d.doc_id not in bad], mentions, version)
        events = self.rebuild_events()
        stats = {"documents": len(docs) - len(bad), "mentions": len(mentions), "events": len(events),
                 "failed": [{"doc_id": d, "error": e} for d, e in failed]}
        self.store.finish_run(run_id, stats)
        return RunSummary(run_id, len(docs) - len(bad), len(mentions), len(events), failed)

    def rebuild_events(self) -> list[Event]:
        """Link and reconcile every stored mention, obeying analyst edits; replace the events.

        Optimistic concurrency: if another process saves mentions or edits while the events
        are computed, they are computed again from the new data (never written stale).
        """
        with gc_paused():  # millions of short-lived objects: see gcpause.py
            return self._rebuild_events()

    def _rebuild_events(self) -> list[Event]:
        for _ in range(REBUILD_ATTEMPTS):
            stamp = self.store.events_input_stamp()
            mentions = self.store.all_mentions()
            edits = self.store.active_edits()
            constraints = constraints_from_edits(edits)
            origins = self.store.origins()
            events = self.pipeline.build_events(
                mentions, constraints=constraints, previous=self.store.mention_events(), origins=origins
            )
            events = review.apply_edits(events, edits, tolls_for=partial(tolls_for, origins=origins))
            if self.store.replace_events(events, if_stamp=stamp):
                return events
        raise StoreError(f"the ledger kept changing while events were rebuilt ({REBUILD_ATTEMPTS} tries); run again")

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
