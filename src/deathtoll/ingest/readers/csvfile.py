"""CSV with a header row. Default columns: id, text, title, url, source, published.

``columns`` maps our field to the file's column name, e.g.
``{"text": "body", "published": "date"}``; unmapped columns go to meta.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Mapping, Optional

from deathtoll.errors import EmptyDocument, IngestError, MalformedInput

from ..records import record_to_raw
from ..report import ReadResult
from ..textnorm import decode_bytes

FORMAT = "csv"

# Long article bodies exceed the csv module's default 128 KiB field limit.
csv.field_size_limit(16 * 1024 * 1024)


def read(path: Path, columns: Optional[Mapping[str, str]] = None) -> ReadResult:
    """One document per row; a row without text is an error for that row only."""
    text, _ = decode_bytes(path.read_bytes(), path)
    if not text.strip():
        raise EmptyDocument(f"{path.name}: empty file")
    rename = {theirs: ours for ours, theirs in (columns or {}).items()}
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
        header = reader.fieldnames or []
    except csv.Error as exc:
        raise MalformedInput(f"{path.name}: bad CSV header: {exc}") from exc
    text_col = (columns or {}).get("text", "text")
    if text_col not in header:
        raise MalformedInput(f"{path.name}: no '{text_col}' column in header {header}")
    result = ReadResult()
    try:
        for row in reader:
            no = reader.line_num
            where = f"{path.name} row {no}"
            record = {rename.get(k, k): v for k, v in row.items() if k is not None}
            if None in row:
                record["_extra_cells"] = row[None]
            try:
                raw = record_to_raw(record, fmt=FORMAT, path=str(path), where=where)
            except IngestError as exc:
                result.errors.append((f"{path}:{no}", exc))
                continue
            raw.meta["row"] = no
            result.docs.append(raw)
    except csv.Error as exc:
        # a broken row (an unterminated quote at the end of a truncated file ...) ends the
        # file there: the rows read before it are kept, the rest is reported
        no = reader.line_num
        result.errors.append((f"{path}:{no}", MalformedInput(f"{path.name}: bad CSV after line {no}: {exc}; the rows before it were read")))
    return result
