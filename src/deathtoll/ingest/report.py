"""Shared records of the ingest stage: what readers return and what ``read_paths`` reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from deathtoll.errors import DeathtollError
from deathtoll.model import Document

#: The fields a record (JSON object, CSV row, manifest line) may carry for a Document.
DOC_FIELDS: tuple[str, ...] = ("id", "text", "title", "url", "source", "published")


@dataclass
class RawDoc:
    """One document as a reader found it, before ids, dates and dedup are settled.

    ``fields`` holds what the input stated explicitly (id, title, url, source,
    published); ``derived`` holds what the reader inferred from the content
    (a txt title from the first line, an HTML page's own title/date/site).
    Explicit fields beat the folder manifest, which beats derived values.
    """

    text: str
    format: str
    path: str
    fields: dict[str, Any] = field(default_factory=dict)
    derived: dict[str, Any] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class ReadResult:
    """What one reader got out of one file: documents plus per-record errors."""

    docs: list[RawDoc] = field(default_factory=list)
    errors: list[tuple[str, DeathtollError]] = field(default_factory=list)


@dataclass
class IngestReport:
    """The outcome of one ``read_paths`` batch.

    ``skipped`` lists (path, reason) for inputs that were deliberately not read
    (manifests, unsupported extensions, duplicates); ``errors`` lists
    (path, error) for inputs that failed. Neither stops the batch.
    """

    documents: list[Document] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    errors: list[tuple[str, DeathtollError]] = field(default_factory=list)

    def summary(self) -> str:
        """One line for logs and the CLI."""
        return (
            f"{len(self.documents)} documents, {len(self.skipped)} skipped, "
            f"{len(self.errors)} errors"
        )

    def get(self, doc_id: str) -> Optional[Document]:
        """The document with this id, or None."""
        return next((d for d in self.documents if d.doc_id == doc_id), None)
