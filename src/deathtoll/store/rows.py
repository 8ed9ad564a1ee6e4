"""Records ↔ table rows: the flat, readable columns other tools query.

Each function returns a dict keyed by column name. The ``data`` columns hold the
full ``to_dict()`` of the record, so loading never loses a field even when the
flat columns only show the commonly queried ones.
"""

from __future__ import annotations

import sqlite3
from typing import Any, Mapping, Optional

from deathtoll.model import Actor, CountClaim, Document, Event, EventMention, Place, TimeSpan, claim_fields, field_names
from deathtoll.store.db import dumps, loads, record_json


def document_row(doc: Document, doc_id: str, ingested_at: str) -> dict[str, Any]:
    """Columns of ``documents`` for ``doc`` stored under ``doc_id``."""
    return {
        "doc_id": doc_id,
        "content_hash": doc.hash,
        "title": doc.title,
        "source": doc.source,
        "url": doc.url,
        "published": doc.published,
        "path": doc.path,
        "format": doc.format,
        "meta": dumps(doc.meta or {}),
        "text": doc.text,
        "ingested_at": ingested_at,
    }


def document_from_row(row: sqlite3.Row) -> Document:
    """Rebuild a ``Document`` from a ``documents`` row."""
    return Document(
        doc_id=row["doc_id"],
        text=row["text"],
        title=row["title"],
        source=row["source"],
        url=row["url"],
        published=row["published"],
        path=row["path"],
        format=row["format"],
        meta=loads(row["meta"], {}),
    )


def _actor_cols(a: Actor) -> dict[str, Any]:
    return {"perpetrator_id": a.actor_id, "perpetrator_name": a.name, "perpetrator_kind": a.kind}


def _place_cols(p: Optional[Place]) -> dict[str, Any]:
    return {
        "place_name": p.name if p else None,
        "place_admin1": p.admin1 if p else None,
        "place_country": p.country if p else None,
        "place_country_code": p.country_code if p else None,
        "place_lat": p.lat if p else None,
        "place_lon": p.lon if p else None,
        "place_precision": p.precision if p else None,
        "place_geonameid": p.geonameid if p else None,
    }


def _date_cols(t: Optional[TimeSpan]) -> dict[str, Any]:
    return {
        "date_start": t.start.isoformat() if t else None,
        "date_end": t.end.isoformat() if t else None,
        "date_precision": t.precision if t else None,
    }


def mention_row(m: EventMention) -> dict[str, Any]:
    """Columns of ``mentions`` for ``m``."""
    return {
        "mention_id": m.mention_id,
        "doc_id": m.doc_id,
        "event_type": m.event_type,
        **_actor_cols(m.perpetrator),
        "victim_kind": m.victim_kind,
        "method": m.method,
        **_place_cols(m.place),
        **_date_cols(m.time),
        "trigger": m.trigger,
        "quote": m.quote,
        "start": m.start,
        "end": m.end,
        "extractor": m.extractor,
        "data": record_json(m),
    }


def claim_row(c: CountClaim, claim_id: str, mention: EventMention) -> dict[str, Any]:
    """Columns of ``claims`` for claim ``c`` of ``mention``, stored under ``claim_id``."""
    return fit_integers(claim_fields(c, claim_id, mention))


def event_data(e: Event, known: Mapping[str, tuple[str, EventMention]] | None = None) -> str:
    """The ``data`` JSON of ``e`` (``e.to_dict()``, mentions last). ``known``: mention_id ->
    (JSON already written for it, its record): a mention that is that very record is spliced
    in as written instead of being serialised a second time."""
    if not known:
        return record_json(e)
    head = record_json({n: getattr(e, n) for n in field_names(Event) or () if n != "mentions"})
    parts = []
    for m in e.mentions:
        seen = known.get(m.mention_id)
        parts.append(seen[0] if seen is not None and seen[1] is m else record_json(m))
    return f'{head[:-1]},"mentions":[{",".join(parts)}]}}'


def event_row(e: Event, run_id: Optional[str], known: Mapping[str, tuple[str, EventMention]] | None = None) -> dict[str, Any]:
    """Columns of ``events`` for ``e`` (``known``: see :func:`event_data`)."""
    return fit_integers({
        "event_id": e.event_id,
        "run_id": run_id,
        "event_type": e.event_type,
        **_actor_cols(e.perpetrator),
        **_place_cols(e.place),
        **_date_cols(e.time),
        "fatalities_low": e.fatalities.low,
        "fatalities_best": e.fatalities.best,
        "fatalities_high": e.fatalities.high,
        "injured_low": e.injured.low,
        "injured_best": e.injured.best,
        "injured_high": e.injured.high,
        "n_documents": len(e.doc_ids),
        "n_mentions": len(e.mentions),
        "n_claims": len(e.claims),
        "rule": e.rule,
        "link_reasons": dumps(list(e.link_reasons)),
        "contradictions": record_json(list(e.contradictions)),
        "victims": record_json(e.victims),
        "data": event_data(e, known),
    })


_INT64 = (-(2**63), 2**63 - 1)


def fit_integers(row: dict[str, Any]) -> dict[str, Any]:
    """Integers beyond SQLite's 64-bit range become floats (REAL) instead of raising
    ``OverflowError``; the exact value stays in the record's ``data`` JSON."""
    return {
        k: float(v) if isinstance(v, int) and not isinstance(v, bool) and not _INT64[0] <= v <= _INT64[1] else v
        for k, v in row.items()
    }


def insert_sql(table: str, row: dict[str, Any]) -> str:
    """``INSERT INTO table (cols) VALUES (:cols)`` for a row dict (columns quoted)."""
    cols = ", ".join(f'"{c}"' for c in row)
    params = ", ".join(f":{c}" for c in row)
    return f"INSERT INTO {table} ({cols}) VALUES ({params})"
