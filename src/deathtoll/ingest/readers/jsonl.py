"""JSON Lines: one object a line; a malformed line is an error for that line only."""

from __future__ import annotations

import json
from pathlib import Path

from deathtoll.errors import EmptyDocument, IngestError, MalformedInput

from ..records import record_to_raw
from ..report import ReadResult
from ..textnorm import decode_bytes

FORMAT = "jsonl"


def iter_objects(path: Path) -> tuple[list[tuple[int, object]], list[tuple[str, IngestError]]]:
    """Parse every non-blank line; returns ([(line_no, obj)], [(path:line, error)])."""
    text, _ = decode_bytes(path.read_bytes(), path)
    objects: list[tuple[int, object]] = []
    errors: list[tuple[str, IngestError]] = []
    for no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            objects.append((no, json.loads(line)))
        except json.JSONDecodeError as exc:
            errors.append((f"{path}:{no}", MalformedInput(f"{path.name} line {no}: invalid JSON: {exc.msg}")))
        except RecursionError:
            errors.append((f"{path}:{no}", MalformedInput(f"{path.name} line {no}: JSON nested too deeply")))
    return objects, errors


def read(path: Path) -> ReadResult:
    """One document per valid line."""
    objects, errors = iter_objects(path)
    if not objects and not errors:
        raise EmptyDocument(f"{path.name}: empty file")
    result = ReadResult(errors=list(errors))
    for no, obj in objects:
        try:
            raw = record_to_raw(obj, fmt=FORMAT, path=str(path), where=f"{path.name} line {no}")
        except IngestError as exc:
            result.errors.append((f"{path}:{no}", exc))
            continue
        raw.meta["line"] = no
        result.docs.append(raw)
    return result
