"""Loading the geo stage's data files from ``deathtoll/resources`` (all named ``geo_*``)."""

from __future__ import annotations

import csv
import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from deathtoll.errors import ResourceError

_RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def _read_text(name: str) -> str:
    try:
        return (_RESOURCES / name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ResourceError(f"cannot read resources/{name}: {exc}") from exc


@lru_cache(maxsize=None)
def load_rules() -> dict[str, Any]:
    """``geo_rules.json``: articles and the phrasing cues for precision."""
    try:
        return json.loads(_read_text("geo_rules.json"))
    except json.JSONDecodeError as exc:
        raise ResourceError(f"resources/geo_rules.json is not valid JSON: {exc}") from exc


def read_tsv(name: str) -> Iterator[dict[str, str]]:
    """Rows of a ``#``-commented, tab-separated file with a header line."""
    lines = [ln for ln in _read_text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        if None in row or any(v is None for v in row.values()):
            raise ResourceError(f"resources/{name}: malformed row {row!r}")
        yield row


@lru_cache(maxsize=None)
def load_stopwords() -> frozenset[str]:
    """``geo_stopwords.txt``: folded names never resolved on their own."""
    text = _read_text("geo_stopwords.txt")
    return frozenset(ln.strip().lower() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


ARTICLES: frozenset[str] = frozenset(load_rules()["articles"])
