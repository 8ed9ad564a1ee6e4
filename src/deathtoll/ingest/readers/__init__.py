"""One reader module per file format, each with ``read(path: Path) -> ReadResult``.

A reader raises an ``IngestError`` when the whole file is unusable and records
per-record problems (a bad JSONL line, a CSV row without text) in
``ReadResult.errors`` so the rest of the file still counts. The CSV reader also
takes the column mapping: ``read(path, columns)``.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Optional

from . import csvfile, html, jsonfile, jsonl, pdf, txt

#: Lower-case extension -> reader module.
BY_EXTENSION: dict[str, ModuleType] = {
    ".txt": txt,
    ".md": txt,
    ".html": html,
    ".htm": html,
    ".json": jsonfile,
    ".jsonl": jsonl,
    ".csv": csvfile,
    ".pdf": pdf,
}


def reader_for(path: Path) -> Optional[ModuleType]:
    """The reader module for ``path`` by extension, or None when unsupported."""
    return BY_EXTENSION.get(path.suffix.lower())
