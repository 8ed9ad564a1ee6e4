"""Export the ledger as JSON Lines, CSV or GeoJSON: ``write(source, what, fmt, out)``.

Output contract (stable; other tools read it; keys may be added, never renamed):

* ``what="events"``: per event ``event_id``, ``event_type``, ``perpetrator`` {id, name,
  kind}, ``place`` {name, admin1, country, lat, lon, precision, …}, ``date`` {start, end,
  precision}, ``fatalities`` and ``injured`` {low, best, high}, ``victims`` {civilians,
  combatants, prisoners, children, women: {low, best, high}} (all five always present),
  ``documents`` [doc ids], ``claims`` [{claim_id, mention_id, doc_id, kind, low, high, value,
  qualifier, victim_kind, subgroup, claimant, claimant_kind, quote, start, end, …}],
  ``contradictions``, ``link_reasons``, ``n_documents`` (and ``n_mentions``, ``n_claims``,
  ``mentions``, ``rule``).
* ``what="mentions"``: the same fields per mention plus ``mention_id``, ``doc_id``,
  ``event_id``; figures come from that mention's own claims through the ``tolls_for``
  callable the caller passes (normally built on ``deathtoll.reconcile``).
* ``what="claims"``: one record per claim with ``event_id``, the document's
  ``source``, ``url``, ``published``, the mention's ``place`` and the event's
  ``event_place``.

Events also carry ``mention_doc_ids`` (the document of each mention, aligned with
``mentions``) so that ``deathtoll.importer`` can rebuild the ledger from the JSONL.

Formats of other datasets (``what="events"`` only; see ``docs/formats.md``):
``ucdp-ged`` (CSV with UCDP GED's columns), ``acled`` (CSV with ACLED's columns),
``plover`` (PLOVER JSON Lines).

CSV flattens nested objects into ``parent_child`` columns (``place_name``,
``fatalities_low``, ``victims_civilians_best`` …), joins lists of ids with ``;`` and
leaves out the ``claims`` list (use ``what="claims"``). GeoJSON is a
FeatureCollection of Points for the records that have coordinates, with the
flattened fields as properties; claims are placed at their event's point (the
mention's point when the event has none).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Optional, TextIO

from deathtoll.errors import ExportError
from deathtoll.export.records import (
    VICTIM_GROUPS,
    TollsFor,
    blank_record,
    claim_records,
    event_record,
    flatten,
    mention_record,
)
from deathtoll.export.acled import write_acled
from deathtoll.export.interop import DocMeta
from deathtoll.export.plover import write_plover
from deathtoll.export.ucdp import write_ucdp
from deathtoll.export.writers import point_of, write_csv, write_geojson, write_jsonl
from deathtoll.model import Event, EventMention, Place
from deathtoll.store import Store

WHATS: tuple[str, ...] = ("events", "mentions", "claims")
#: Formats of our own contract (any ``what``).
OWN_FORMATS: tuple[str, ...] = ("jsonl", "csv", "geojson")
#: Other datasets' formats (``what="events"`` only) → writer.
DATASET_FORMATS = {"ucdp-ged": write_ucdp, "acled": write_acled, "plover": write_plover}
FORMATS: tuple[str, ...] = OWN_FORMATS + tuple(DATASET_FORMATS)
_ID_KEYS = {"events": "event_id", "mentions": "mention_id", "claims": "claim_id"}
_PLACE_KEYS = {"events": ("place",), "mentions": ("place",), "claims": ("event_place", "place")}


def _mentions_and_links(source: Store | list[Event]) -> tuple[list[EventMention], dict[str, str]]:
    if isinstance(source, Store):
        return source.all_mentions(), source.mention_events()
    mentions = [m for e in source for m in e.mentions]
    return mentions, {m.mention_id: e.event_id for e in source for m in e.mentions}


def records(
    source: Store | Iterable[Event], what: str = "events", *, tolls_for: Optional[TollsFor] = None
) -> list[dict[str, Any]]:
    """The export records (nested dicts) of ``what`` from a store or a list of events."""
    if what not in WHATS:
        raise ExportError(f"cannot export {what!r}: choose one of {', '.join(WHATS)}")
    src: Store | list[Event] = source if isinstance(source, Store) else list(source)
    if what == "events":
        events = src.events() if isinstance(src, Store) else src
        return [event_record(e) for e in events]
    mentions, event_of = _mentions_and_links(src)
    if what == "mentions":
        if tolls_for is None:
            raise ExportError("exporting mentions needs tolls_for (claims → fatalities, injured, victims)")
        return [mention_record(m, event_of.get(m.mention_id), tolls_for([m])) for m in mentions]
    doc_meta: Mapping[str, Mapping[str, Any]] = src.document_meta() if isinstance(src, Store) else {}
    events = src.events() if isinstance(src, Store) else src
    places: dict[str, Optional[Place]] = {e.event_id: e.place for e in events}
    return claim_records(mentions, event_of, doc_meta, places)


def write(
    source: Store | Iterable[Event],
    what: str,
    fmt: str,
    out: TextIO,
    *,
    tolls_for: Optional[TollsFor] = None,
    doc_meta: Optional[DocMeta] = None,
) -> int:
    """Write ``what`` (events, mentions, claims) as ``fmt`` to ``out``.

    ``fmt`` is one of ``FORMATS``: jsonl, csv, geojson (any ``what``) or ucdp-ged,
    acled, plover (events only). ``source`` is an open ``Store`` (events newest
    first, all stored mentions) or events in the order to write. ``tolls_for`` is
    required for mentions. ``doc_meta`` (doc_id → title, source, url, published)
    names the sources in the dataset formats; a ``Store`` supplies it itself.
    Returns the number of records written (for GeoJSON: features, i.e. those with
    coordinates). Raises ``ExportError`` for an unknown ``what``/``fmt``, a dataset
    format asked for something other than events, or an unwritable ``out``.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if what not in WHATS:
        raise ExportError(f"cannot export {what!r}: choose one of {', '.join(WHATS)}")
    if fmt in DATASET_FORMATS:
        if what != "events":
            raise ExportError(f"the {fmt} format holds events only, not {what}")
        events = source.events() if isinstance(source, Store) else list(source)
        meta = doc_meta if doc_meta is not None else (source.document_meta() if isinstance(source, Store) else {})
        try:
            return DATASET_FORMATS[fmt](events, out, meta)
        except OSError as e:
            raise ExportError(f"cannot write the {fmt} export: {e}") from e
    recs = records(source, what, tolls_for=tolls_for)
    try:
        if fmt == "jsonl":
            write_jsonl(recs, out)
            return len(recs)
        if fmt == "csv":
            write_csv(recs, blank_record(what), out)
            return len(recs)
        write_geojson(recs, _ID_KEYS[what], out, _PLACE_KEYS[what])
        return sum(1 for r in recs if point_of(r, _PLACE_KEYS[what]) is not None)
    except OSError as e:
        raise ExportError(f"cannot write the {what} export: {e}") from e


__all__ = ["DATASET_FORMATS", "FORMATS", "OWN_FORMATS", "VICTIM_GROUPS", "WHATS", "TollsFor", "flatten", "records", "write"]
