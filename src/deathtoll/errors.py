"""Typed errors. Every message carries a code ("[E101] ...") that can be grepped and tested.

Library code raises these; the CLI turns them into one clear line and an exit code.
"""

from __future__ import annotations


class DeathtollError(Exception):
    """Base of every error deathtoll raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class IngestError(DeathtollError):
    """A file could not be read as a document."""

    code = "E100"


class UnsupportedFormat(IngestError):
    """No reader for this kind of file."""

    code = "E101"


class EmptyDocument(IngestError):
    """The file holds no usable text."""

    code = "E102"


class MalformedInput(IngestError):
    """The file is broken (bad JSON, bad CSV, truncated PDF ...)."""

    code = "E103"


class ExtractError(DeathtollError):
    """Extraction failed for a document."""

    code = "E200"


class ResourceError(DeathtollError):
    """A data file under resources/ is missing or malformed."""

    code = "E300"


class StoreError(DeathtollError):
    """The database could not be read or written."""

    code = "E400"


class DatabaseLocked(StoreError):
    """Another process holds the write lock for too long."""

    code = "E401"


class NotFound(StoreError):
    """No such event / document / mention."""

    code = "E404"


class ExportError(DeathtollError):
    """An export could not be written."""

    code = "E500"
