"""Turn a reader's ``RawDoc`` (plus its folder manifest entry) into a ``Document``.

Precedence for title/url/source/published: what the record itself states,
then the folder manifest, then what the reader derived from the content (an
HTML page's metadata, a txt file's first line). With no stated or page date,
the publication date comes from a dateline in the text (``dateline.py``);
``meta["published_from"]`` says which ("metadata" or "dateline").
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

from deathtoll.model import Document, content_hash, stable_id

from .dateline import find_dateline, normalise_published
from .report import RawDoc
from .textnorm import normalise_text, require_text

_PLAIN_FIELDS = ("title", "url", "source")
_MANIFEST_KNOWN = ("id", "title", "url", "source", "published")


def locator(raw: RawDoc) -> str:
    """Where a document came from, precise enough for messages: path, path:line, path#index."""
    if "line" in raw.meta:
        return f"{raw.path}:{raw.meta['line']}"
    if "row" in raw.meta:
        return f"{raw.path}:{raw.meta['row']}"
    if "index" in raw.meta:
        return f"{raw.path}#{raw.meta['index']}"
    return raw.path


def _pick(key: str, *layers: Mapping[str, Any]) -> Any:
    for layer in layers:
        value = layer.get(key)
        if value is not None and value != "":
            return value
    return None


def _published(raw: RawDoc, entry: Mapping[str, Any], text: str, meta: dict[str, Any]) -> Optional[str]:
    """The publication date string, recording in ``meta`` where it came from."""
    stated = _pick("published", raw.fields, entry, raw.derived)
    if stated is not None:
        iso = normalise_published(stated)
        if iso:
            meta["published_from"] = "metadata"
            return iso
        meta["published_raw"] = stated
    found = find_dateline(text)
    if found is None:
        return None
    meta["published_from"] = "dateline"
    meta["dateline"] = found.text
    return found.iso


def build_document(raw: RawDoc, entry: Mapping[str, Any], *, use_manifest_id: bool) -> Document:
    """Settle text, id, title/url/source/published and meta for one document.

    Raises EmptyDocument when the text is blank after normalisation.
    ``use_manifest_id`` is False when one file yields several documents (a
    manifest id then names the file, not each record).
    """
    text = require_text(normalise_text(raw.text), locator(raw))
    meta: dict[str, Any] = dict(raw.meta)
    for key, value in entry.items():
        if key not in _MANIFEST_KNOWN:
            meta.setdefault(key, value)
    values = {key: _pick(key, raw.fields, entry, raw.derived) for key in _PLAIN_FIELDS}
    published = _published(raw, entry, text, meta)
    given_id = raw.fields.get("id") or (entry.get("id") if use_manifest_id else None)
    doc_id = str(given_id).strip() if given_id not in (None, "") else ""
    if not doc_id:
        doc_id = stable_id("doc-", content_hash(text), length=12)
    return Document(
        doc_id=doc_id,
        text=text,
        title=_as_str(values["title"]),
        source=_as_str(values["source"]),
        url=_as_str(values["url"]),
        published=published,
        path=raw.path,
        format=raw.format,
        meta=meta,
    )


def _as_str(value: Any) -> Optional[str]:
    if value is None:
        return None
    s = str(value).strip()
    return s or None
