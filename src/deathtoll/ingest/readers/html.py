"""HTML pages: main text and page metadata via trafilatura, lxml plain text as a fallback.

trafilatura (precision mode) drops navigation, footers and boilerplate and
reports the page's title, date, canonical URL and site name. When it finds no
main text (very short or unusual pages) the whole visible text is used instead,
minus scripts, styles, nav, header and footer elements.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

from deathtoll.errors import EmptyDocument, MalformedInput

from ..report import RawDoc, ReadResult
from ..textnorm import decode_bytes, normalise_text

FORMAT = "html"
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form")


def _trafilatura(html: str) -> Optional[dict[str, Any]]:
    import trafilatura  # lazy: heavy import, only needed for HTML

    out = trafilatura.extract(html, output_format="json", with_metadata=True, favor_precision=True)
    if not out:
        return None
    data = json.loads(out)
    return data if (data.get("text") or "").strip() else None


def _lxml_fallback(html: str, name: str) -> tuple[str, Optional[str]]:
    """Visible text and <title> with lxml; raises MalformedInput if it cannot parse."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise MalformedInput(f"{name}: cannot parse HTML: {exc}") from exc
    title_el = root.find(".//title")
    title = title_el.text_content().strip() if title_el is not None else None
    for el in root.xpath("//" + " | //".join(_DROP_TAGS)):
        el.drop_tree()
    if title_el is not None and title_el.getparent() is not None:
        title_el.drop_tree()
    lines = [ln.strip() for ln in root.text_content().splitlines()]
    return "\n".join(ln for ln in lines if ln), title or None


def read(path: Path) -> ReadResult:
    """Read one HTML page as one document."""
    html, encoding = decode_bytes(path.read_bytes(), path)
    if not html.strip():
        raise EmptyDocument(f"{path.name}: empty file")
    meta: dict[str, Any] = {"encoding": encoding}
    derived: dict[str, Any] = {}
    data = _trafilatura(html)
    if data is not None:
        text = data["text"]
        meta["extractor"] = "trafilatura"
        for ours, theirs in (("title", "title"), ("url", "source"), ("published", "date")):
            if data.get(theirs):
                derived[ours] = data[theirs]
        source = data.get("source-hostname") or data.get("hostname")
        if source:
            derived["source"] = source
        for key in ("author", "language", "categories", "tags"):
            if data.get(key):
                meta[key] = data[key]
    else:
        text, title = _lxml_fallback(html, path.name)
        meta["extractor"] = "lxml"
        if title:
            derived["title"] = title
    text = normalise_text(text)
    if not text.strip():
        raise EmptyDocument(f"{path.name}: no text found in the HTML")
    return ReadResult(docs=[RawDoc(text, FORMAT, str(path), derived=derived, meta=meta)])
