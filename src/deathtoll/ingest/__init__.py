"""Ingest stage: files -> ``Document`` records.

Entry point: ``read_paths(paths, *, csv_columns=None, recursive=True) -> IngestReport``.
Formats: txt/md, html/htm, json, jsonl, csv, pdf; a folder's ``metadata.jsonl``
supplies metadata for the files beside it. One bad file (or line, or row) never
stops the batch: it is reported in ``IngestReport.errors`` as a typed error.
Identical texts (same ``content_hash``) are returned once per batch.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Mapping, Optional

from deathtoll.errors import DeathtollError, IngestError
from deathtoll.model import Document

from .build import build_document, locator
from .dateline import Dateline, find_dateline, normalise_published
from .limits import check_file_size, split_text
from .manifest import ManifestCache, is_manifest
from .paths import expand_paths
from .readers import csvfile, reader_for
from .report import IngestReport, RawDoc, ReadResult

__all__ = [
    "IngestReport",
    "read_paths",
    "read_file",
    "find_dateline",
    "normalise_published",
    "Dateline",
]


def read_file(path: str | Path, *, csv_columns: Optional[Mapping[str, str]] = None) -> ReadResult:
    """Run the reader for one file (no manifest, ids or dedup). Raises IngestError."""
    path = Path(path)
    reader = reader_for(path)
    if reader is None:
        raise IngestError(f"{path.name}: unsupported extension {path.suffix.lower() or '(none)'}")
    try:
        check_file_size(path)
        if reader is csvfile:
            return csvfile.read(path, csv_columns)
        return reader.read(path)  # type: ignore[attr-defined]
    except OSError as exc:
        raise IngestError(f"{path.name}: cannot read file ({exc.strerror or exc})") from exc


class _Batch:
    """Collects documents for one report: dedup by content hash, refuse clashing ids."""

    def __init__(self, report: IngestReport) -> None:
        self.report = report
        self.by_hash: dict[str, Document] = {}
        self.by_id: dict[str, Document] = {}

    def add(self, doc: Document, where: str) -> None:
        first = self.by_hash.get(doc.hash)
        if first is not None:
            self.report.skipped.append((where, f"duplicate of {first.doc_id} ({first.path})"))
            return
        clash = self.by_id.get(doc.doc_id)
        if clash is not None:
            err = IngestError(f"{where}: id '{doc.doc_id}' already used by {clash.path} for a different text")
            self.report.errors.append((where, err))
            return
        self.by_hash[doc.hash] = doc
        self.by_id[doc.doc_id] = doc
        self.report.documents.append(doc)


def read_paths(
    paths: Iterable[str | Path] | str | Path,
    *,
    csv_columns: Optional[Mapping[str, str]] = None,
    recursive: bool = True,
) -> IngestReport:
    """Read files, folders and glob patterns into Documents.

    Manifests are used for the files beside them and listed in ``skipped``;
    unsupported extensions are skipped with the reason; unreadable files,
    lines and rows are listed in ``errors`` with a typed error naming them.
    """
    report = IngestReport()
    files, path_errors = expand_paths(paths, recursive=recursive)
    report.errors.extend(path_errors)
    manifests = ManifestCache()
    batch = _Batch(report)
    for path in files:
        if is_manifest(path):
            report.skipped.append((str(path), "metadata manifest"))
            continue
        if reader_for(path) is None:
            report.skipped.append((str(path), f"unsupported extension {path.suffix.lower() or '(none)'}"))
            continue
        manifest = manifests.for_file(path)
        entry = manifest.entry_for(path) if manifest else {}
        try:
            result = read_file(path, csv_columns=csv_columns)
        except DeathtollError as exc:
            report.errors.append((str(path), exc))
            continue
        except Exception as exc:  # a library bug on one odd file must not stop the batch
            detail = " ".join(str(exc).split())[:200]
            err = IngestError(f"{path.name}: reader failed unexpectedly: {type(exc).__name__}: {detail}")
            report.errors.append((str(path), err))
            continue
        report.errors.extend(result.errors)
        for raw in result.docs:
            _add_raw(batch, raw, entry, use_manifest_id=len(result.docs) == 1)
    for manifest in manifests.loaded():
        report.errors.extend(manifest.errors)
    return report


def _add_raw(batch: _Batch, raw: RawDoc, entry: Mapping, *, use_manifest_id: bool) -> None:
    """Build the document(s) of one record; an over-long text becomes parts (``limits.py``)."""
    where = locator(raw)
    parts = split_text(raw.text)
    for k, part in enumerate(parts, start=1):
        piece = raw if len(parts) == 1 else _part(raw, part, k, len(parts))
        try:
            doc = build_document(piece, entry, use_manifest_id=use_manifest_id)
        except DeathtollError as exc:
            batch.report.errors.append((where, exc))
            continue
        if len(parts) > 1:
            doc = doc.replace(doc_id=f"{doc.doc_id}-p{k}")
        batch.add(doc, where if len(parts) == 1 else f"{where} part {k}/{len(parts)}")


def _part(raw: RawDoc, text: str, k: int, n: int) -> RawDoc:
    """Part ``k`` of ``n`` of an over-long record, its title and meta saying so."""
    derived = dict(raw.derived)
    title = raw.fields.get("title") or derived.get("title")
    if title:
        derived["title"] = f"{title} (part {k}/{n})"
    fields = {key: v for key, v in raw.fields.items() if key != "title" or not title}
    return RawDoc(text, raw.format, raw.path, fields=fields, derived=derived, meta={**raw.meta, "part": k, "parts": n})
