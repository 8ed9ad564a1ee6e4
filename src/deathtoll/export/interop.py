"""Shared helpers for the exports to other datasets' formats (UCDP GED, ACLED, PLOVER).

They read two data files: ``resources/export_countries.tsv`` (ISO alpha-3/numeric,
Gleditsch-Ward numbers, UCDP and ACLED regions) and ``resources/export_codes.json``
(the crosswalk from our event types, methods and actor kinds to each dataset's codes).
Everything here is a pure function of an ``Event`` and the documents' metadata.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, Optional

from deathtoll.model import FATAL_KINDS, Event
from deathtoll.resources import load_json, load_tsv

#: doc_id -> {title, source, url, published}, as ``Store.document_meta()`` gives.
DocMeta = Mapping[str, Mapping[str, Any]]


@dataclass(frozen=True)
class CountryCodes:
    """Codes of one country in the schemes the exports need (blank strings when unknown)."""

    alpha2: str = ""
    alpha3: str = ""
    iso_numeric: str = ""
    gwno: str = ""
    ucdp_region: str = ""
    acled_region: str = ""


def codes() -> dict[str, Any]:
    """The crosswalk file ``export_codes.json`` (cached by the resource loader)."""
    return load_json("export_codes.json")


def country_codes(alpha2: Optional[str]) -> CountryCodes:
    """Codes for an ISO alpha-2 code; all blank for ``None`` or a country not in the table."""
    if not alpha2:
        return CountryCodes()
    for row in load_tsv("export_countries.tsv"):
        if row["alpha2"] == alpha2.upper():
            return CountryCodes(**row)
    return CountryCodes(alpha2=alpha2.upper())


def event_country(e: Event) -> CountryCodes:
    """Codes of the event's country (from its place)."""
    return country_codes(e.place.country_code if e.place else None)


def actor_country(actor_id: str) -> CountryCodes:
    """Codes of the country a state actor belongs to (``country`` in ``actors.json``), if any."""
    for a in load_json("actors.json").get("actors", []):
        if a.get("id") == actor_id:
            return country_codes(a.get("country"))
    return CountryCodes()


def victim_side(e: Event) -> str:
    """Who the dead were: civilian, prisoner, combatant or unknown.

    Looks at the mentions' ``victim_kind`` and the fatal claims' ``victim_kind``:
    combatants win for a clash or when no other kind is named, then civilians, then
    prisoners.
    """
    kinds = {m.victim_kind for m in e.mentions}
    kinds |= {c.victim_kind for c in e.claims if c.kind in FATAL_KINDS}
    kinds.discard("unknown")
    if "combatant" in kinds and (e.event_type == "clash" or kinds == {"combatant"}):
        return "combatant"
    for kind in ("civilian", "prisoner", "combatant"):
        if kind in kinds:
            return kind
    return "unknown"


def is_one_sided(e: Event) -> bool:
    """An actor killing civilians or prisoners (UCDP type 3, ACLED violence against civilians)."""
    side = victim_side(e)
    return side in ("civilian", "prisoner") or (
        side == "unknown" and e.event_type in codes()["one_sided_event_types"]
    )


def method_family(e: Event) -> Optional[str]:
    """The method family (``method_cues`` in export_codes.json) of the first mention with a known method."""
    cues = {k: v for k, v in codes()["method_cues"].items() if not k.startswith("_")}
    for m in e.mentions:
        text = (m.method or "").lower()
        for cue, family in cues.items():
            if cue in text:
                return family
    return None


def documents(e: Event, doc_meta: DocMeta) -> list[dict[str, Any]]:
    """The event's documents in order, each ``{doc_id, source, title, published, url}``."""
    out = []
    for doc_id in e.doc_ids:
        meta = doc_meta.get(doc_id, {})
        out.append({"doc_id": doc_id, **{k: meta.get(k) for k in ("source", "title", "published", "url")}})
    return out


def claimants(e: Event) -> list[str]:
    """Distinct claimants of the event's claims (the name, else the claimant kind), in order."""
    seen: dict[str, None] = {}
    for c in e.claims:
        name = (c.claimant or "").strip() or c.claimant_kind
        if name and name != "unknown":
            seen.setdefault(name, None)
    return list(seen)


def midpoint(start: date, end: date) -> date:
    """The middle day of an interval (the earlier one for an even number of days)."""
    return date.fromordinal((start.toordinal() + end.toordinal()) // 2)


def epoch(published: Optional[str]) -> Optional[int]:
    """Unix seconds (UTC midnight) of an ISO date ``YYYY[-MM[-DD]]``; ``None`` when absent or bad."""
    if not published:
        return None
    p = published.strip()[:10]
    try:
        if len(p) == 10:
            d = date.fromisoformat(p)
        elif len(p) == 7:
            d = date(int(p[:4]), int(p[5:7]), 1)
        else:
            d = date(int(p[:4]), 1, 1)
    except ValueError:
        return None
    return int(datetime(d.year, d.month, d.day, tzinfo=timezone.utc).timestamp())


def blank(value: Any) -> Any:
    """``None`` as an empty CSV cell, other values as they are."""
    return "" if value is None else value
