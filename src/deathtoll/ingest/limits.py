"""Size limits of the ingest stage, and the splitting of over-long texts.

Policy (see ``docs/reliability.md``):

* a file larger than ``MAX_FILE_BYTES`` (64 MiB) is refused before it is read, with one
  clear error naming it and its size: no report is that long, such a file is an archive,
  a dump or a mistake, and reading it would hold several times its size in memory.
  Split a big JSONL/CSV feed into several files (``split -l 10000 feed.jsonl``);
* a document text longer than ``MAX_DOC_CHARS`` (1,000,000 characters, spaCy's own
  ``max_length``; the longest NGO reports are a few hundred thousand characters) is split
  into parts of at most that length, cut at a paragraph break (else a line break, else
  a sentence end, else anywhere). Each part is a document of its own (id suffix
  ``-p1``, ``-p2`` ...; ``meta["part"]``/``meta["parts"]``), so every offset still
  points into the text it was found in. Splitting is linear in the text length.
"""

from __future__ import annotations

from pathlib import Path

from deathtoll.errors import IngestError

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DOC_CHARS = 1_000_000
_CUTS = ("\n\n", "\n", ". ")


def check_file_size(path: Path, limit: int | None = None) -> None:
    """Raise IngestError when ``path`` is larger than ``limit`` bytes (default ``MAX_FILE_BYTES``)."""
    limit = MAX_FILE_BYTES if limit is None else limit
    size = path.stat().st_size
    if size > limit:
        raise IngestError(
            f"{path.name}: file too large ({size / 2**20:.1f} MiB; the limit is {limit / 2**20:.0f} MiB): "
            f"split it into smaller files"
        )


def split_text(text: str, limit: int | None = None) -> list[str]:
    """``text`` cut into consecutive parts of at most ``limit`` characters that join back to it."""
    limit = MAX_DOC_CHARS if limit is None else limit
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = -1
        for sep in _CUTS:  # the latest break in the second half of the window
            k = text.rfind(sep, start + limit // 2, end - len(sep) + 1)
            if k >= 0:
                cut = k + len(sep)
                break
        if cut <= start:
            cut = end
        parts.append(text[start:cut])
        start = cut
    parts.append(text[start:])
    return parts
