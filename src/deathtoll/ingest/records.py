"""Structured records (JSON objects, JSONL lines, CSV rows) -> ``RawDoc``.

Recognised keys: ``id`` (or ``doc_id``), ``text`` (required), ``title``, ``url``,
``source``, ``published`` (or ``date``, ``dct``, ``publication_date``). Every
other key goes into ``Document.meta`` unchanged.
"""

from __future__ import annotations

from typing import Any, Mapping

from deathtoll.errors import EmptyDocument, MalformedInput

from .report import RawDoc

#: Our field -> the keys accepted for it, in order of preference.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id"),
    "text": ("text",),
    "title": ("title",),
    "url": ("url",),
    "source": ("source",),
    "published": ("published", "date", "dct", "publication_date"),
}


def _clean(value: Any) -> Any:
    """Blank strings count as missing; scalars other than str are kept for the caller."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def record_to_raw(record: Any, *, fmt: str, path: str, where: str) -> RawDoc:
    """Map one record to a RawDoc; ``where`` names it in errors ("a.jsonl line 3")."""
    if not isinstance(record, Mapping):
        raise MalformedInput(f"{where}: expected a JSON object, got {type(record).__name__}")
    used: set[str] = set()
    fields: dict[str, Any] = {}
    for ours, keys in FIELD_ALIASES.items():
        for key in keys:
            if key in record:
                used.add(key)
                if ours not in fields and _clean(record[key]) is not None:
                    fields[ours] = _clean(record[key])
    text = record.get("text") if "text" in record else None
    if text is None:
        raise MalformedInput(f"{where}: record has no 'text' field")
    if not isinstance(text, str):
        raise MalformedInput(f"{where}: 'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        raise EmptyDocument(f"{where}: 'text' is empty")
    fields.pop("text", None)
    for key in ("id", "title", "url", "source"):
        if key in fields and not isinstance(fields[key], str):
            fields[key] = str(fields[key])
    meta = {k: v for k, v in record.items() if k not in used}
    return RawDoc(text=text, format=fmt, path=path, fields=fields, meta=meta)
