"""JSON files: one object (one document) or a list of objects (one document each)."""

from __future__ import annotations

import json
from pathlib import Path

from deathtoll.errors import EmptyDocument, IngestError, MalformedInput

from ..records import record_to_raw
from ..report import ReadResult
from ..textnorm import decode_bytes

FORMAT = "json"


def read(path: Path) -> ReadResult:
    """Parse the file; a bad item in a list is an error for that item only."""
    text, _ = decode_bytes(path.read_bytes(), path)
    if not text.strip():
        raise EmptyDocument(f"{path.name}: empty file")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedInput(f"{path.name}: invalid JSON at line {exc.lineno}: {exc.msg}") from exc
    except RecursionError as exc:
        raise MalformedInput(f"{path.name}: JSON nested too deeply to be a document") from exc
    result = ReadResult()
    if isinstance(data, dict):
        result.docs.append(record_to_raw(data, fmt=FORMAT, path=str(path), where=path.name))
        return result
    if not isinstance(data, list):
        raise MalformedInput(f"{path.name}: expected an object or a list of objects")
    if not data:
        raise EmptyDocument(f"{path.name}: empty list")
    for i, item in enumerate(data):
        where = f"{path.name} item {i}"
        try:
            raw = record_to_raw(item, fmt=FORMAT, path=str(path), where=where)
        except IngestError as exc:
            result.errors.append((f"{path}#{i}", exc))
            continue
        raw.meta["index"] = i
        result.docs.append(raw)
    return result
