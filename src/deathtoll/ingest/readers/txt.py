"""Plain text (.txt, .md): decode (UTF-8, else detected charset), refuse binary data."""

from __future__ import annotations

from pathlib import Path

from ..dateline import is_date_stamp
from ..report import RawDoc, ReadResult
from ..textnorm import decode_bytes, first_line_title, normalise_text, require_text

FORMAT = "txt"


def read(path: Path) -> ReadResult:
    """Read one text file as one document; title = first short line (see ``first_line_title``)."""
    text, encoding = decode_bytes(path.read_bytes(), path)
    text = require_text(normalise_text(text), path.name)
    title = first_line_title(text, is_stamp=is_date_stamp)
    derived = {"title": title} if title else {}
    return ReadResult(docs=[RawDoc(text, FORMAT, str(path), derived=derived, meta={"encoding": encoding})])
