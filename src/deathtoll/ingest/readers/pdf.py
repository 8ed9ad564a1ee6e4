"""PDF files via pypdf: the text layer of every page, pages joined by a blank line.

Encrypted PDFs are opened only when the empty user password works; otherwise,
and for PDFs without a text layer (scans), a clear IngestError is raised.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from deathtoll.errors import EmptyDocument, IngestError, MalformedInput

from ..report import RawDoc, ReadResult
from ..textnorm import normalise_text

FORMAT = "pdf"


def read(path: Path) -> ReadResult:
    """Read one PDF as one document."""
    from pypdf import PdfReader  # lazy import
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a broken file is reported once, by us
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(f"{path.name}: encrypted PDF (password required), cannot read text")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (FileNotDecryptedError, DependencyError) as exc:
        raise IngestError(f"{path.name}: encrypted PDF, cannot decrypt ({exc})") from exc
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise MalformedInput(f"{path.name}: broken PDF ({exc})") from exc
    text = normalise_text("\n\n".join(p.strip("\n") for p in pages))
    if not text.strip():
        raise EmptyDocument(f"{path.name}: PDF has no text layer (image-only or scanned?)")
    meta: dict[str, Any] = {"pages": len(pages)}
    derived: dict[str, Any] = {}
    info = reader.metadata
    if info is not None and info.title and info.title.strip():
        derived["title"] = info.title.strip()
    return ReadResult(docs=[RawDoc(text, FORMAT, str(path), derived=derived, meta=meta)])
