"""Events as UCDP GED rows (CSV with GED's columns, in GED's order).

One row per event. Columns UCDP fills from its own registers (``*_dset_id``,
``*_new_id``) stay blank; every other column is derived from the event as
documented column by column in ``docs/formats.md``. Ids are ours (``id`` is the
event id), so rows can be compared with GED but not merged into it blindly.
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Optional, TextIO

from deathtoll.export.interop import (
    DocMeta,
    actor_country,
    blank,
    claimants,
    documents,
    event_country,
    is_one_sided,
)
from deathtoll.model import Actor, Event, TimeSpan

#: GED's columns in GED's order (UCDP GED codebook, version 23.1).
UCDP_COLUMNS: tuple[str, ...] = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence",
    "conflict_dset_id", "conflict_new_id", "conflict_name",
    "dyad_dset_id", "dyad_new_id", "dyad_name",
    "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b",
    "number_of_sources", "source_article", "source_office", "source_date", "source_headline", "source_original",
    "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2",
    "latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region",
    "event_clarity", "date_prec", "date_start", "date_end",
    "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
    "gwnoa", "gwnob",
)

#: Deaths per dyad and year from which UCDP counts a year as active.
ACTIVE_YEAR_DEATHS = 25


@dataclass(frozen=True)
class Sides:
    """The dyad of an event: side names, type of violence, which side the perpetrator is."""

    side_a: str
    side_b: str
    type_of_violence: int
    perpetrator_is_a: bool
    gwnoa: str = ""
    gwnob: str = ""


def _state_gwno(actor: Actor, fallback: str) -> str:
    return (actor_country(actor.actor_id).gwno or fallback) if actor.kind == "state" else ""


def sides(e: Event) -> Sides:
    """Who fought whom, by the rules in docs/formats.md (state actors are side A)."""
    country = event_country(e)
    cname = (e.place.country if e.place else None) or "unknown country"
    perp = e.perpetrator
    if is_one_sided(e):
        return Sides(perp.name, "Civilians", 3, True, _state_gwno(perp, country.gwno))
    actors: dict[str, Actor] = {}
    for a in (perp, *(m.perpetrator for m in e.mentions)):
        if a.actor_id != "unknown":
            actors.setdefault(a.actor_id, a)
    if len(actors) >= 2:
        a, b = sorted(actors.values(), key=lambda x: x.kind != "state")[:2]
        tov = 1 if a.kind == "state" or b.kind == "state" else 2
        return Sides(a.name, b.name, tov, a.actor_id == perp.actor_id,
                     _state_gwno(a, country.gwno), _state_gwno(b, ""))
    if perp.kind == "state":
        return Sides(perp.name, "", 1, True, _state_gwno(perp, country.gwno))
    return Sides(f"Government of {cname}", perp.name, 1, False, country.gwno)


def date_prec(t: Optional[TimeSpan]) -> Optional[int]:
    """UCDP date_prec from the span's length: 1 one day, 2 2-6 days, 3 a week, 4 up to a month, 5 longer."""
    if t is None:
        return None
    days = (t.end - t.start).days + 1
    if days == 1:
        return 1
    if days <= 6:
        return 2
    if days <= 7:
        return 3
    return 4 if days <= 31 else 5


def priogrid_gid(lat: float, lon: float) -> int:
    """PRIO-GRID cell id (0.5° cells numbered from 1 at 90°S 180°W, row by row eastwards)."""
    row = min(int(math.floor((lat + 90.0) * 2)), 359)
    col = min(int(math.floor((lon + 180.0) * 2)), 719)
    return row * 720 + col + 1


def _deaths(e: Event, s: Sides) -> dict[str, Any]:
    f = e.fatalities
    best = next((v for v in (f.best, f.low, f.high) if v is not None), None)
    if best is None:
        return dict.fromkeys(("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low"))

    def group(name: str) -> int:
        t = e.victims.get(name)
        return (t.best if t.best is not None else (t.low or 0)) if t else 0

    # one-sided violence kills civilians (and prisoners) by definition: all its deaths are theirs
    civ = best if s.type_of_violence == 3 else min(group("civilians"), best)
    comb = min(group("combatants"), best - civ) if s.type_of_violence != 3 else 0
    low = f.low if f.low is not None else best
    high = f.high if f.high is not None else max(best, low)
    return {
        "deaths_a": 0 if s.perpetrator_is_a else comb,
        "deaths_b": comb if s.perpetrator_is_a else 0,
        "deaths_civilians": civ,
        "deaths_unknown": best - civ - comb,
        "best": best,
        "high": high,
        "low": min(low, best),
    }


def _joined(values: Iterable[Optional[str]]) -> str:
    return ";".join(v or "" for v in values)


def ucdp_row(e: Event, doc_meta: DocMeta) -> dict[str, Any]:
    """One GED row (dict keyed by ``UCDP_COLUMNS``; ``active_year`` is filled by :func:`ucdp_rows`)."""
    s = sides(e)
    country = event_country(e)
    docs = documents(e, doc_meta)
    p, t = e.place, e.time
    dprec = date_prec(t)
    dyad = f"{s.side_a} - {s.side_b}" if s.side_a and s.side_b else ""
    year = t.start.year if t else None
    has_point = p is not None and p.lat is not None and p.lon is not None
    where_texts = dict.fromkeys(m.place.text or m.place.name for m in e.mentions if m.place)
    articles = [", ".join(x for x in (d["source"], d["title"], d["published"]) if x) or d["doc_id"] for d in docs]
    row: dict[str, Any] = dict.fromkeys(UCDP_COLUMNS, "")
    row.update({
        "id": e.event_id,
        "relid": f"{country.alpha3 or 'XXX'}-{blank(year)}-{e.event_id}",
        "year": blank(year),
        "code_status": "Check deaths" if e.contradictions else "Clear",
        "type_of_violence": s.type_of_violence,
        "conflict_name": dyad if s.type_of_violence in (2, 3) else "",
        "dyad_name": dyad,
        "side_a": s.side_a,
        "side_b": s.side_b,
        "number_of_sources": len(docs),
        "source_article": "; ".join(articles),
        "source_office": _joined(d["source"] for d in docs),
        "source_date": _joined(d["published"] for d in docs),
        "source_headline": _joined(d["title"] for d in docs),
        "source_original": ";".join(claimants(e)),
        "where_prec": blank(p.precision if p else None),
        "where_coordinates": p.name if p else "",
        "where_description": "; ".join(w for w in where_texts if w),
        "adm_1": blank(p.admin1 if p else None),
        "latitude": p.lat if has_point else "",
        "longitude": p.lon if has_point else "",
        "geom_wkt": f"POINT ({p.lon} {p.lat})" if has_point else "",
        "priogrid_gid": priogrid_gid(p.lat, p.lon) if has_point else "",
        "country": blank(p.country if p else None),
        "country_id": country.gwno,
        "region": country.ucdp_region,
        "event_clarity": 1 if dprec in (1, 2) and p is not None and p.precision <= 3 else 2,
        "date_prec": blank(dprec),
        "date_start": t.start.isoformat() if t else "",
        "date_end": t.end.isoformat() if t else "",
        "gwnoa": s.gwnoa,
        "gwnob": s.gwnob,
    })
    row.update({k: blank(v) for k, v in _deaths(e, s).items()})
    return row


def ucdp_rows(events: Sequence[Event], doc_meta: DocMeta) -> list[dict[str, Any]]:
    """GED rows of ``events``; ``active_year`` is 1 when the dyad's deaths (best) in that year,
    summed over the exported events, reach 25, else 0 (blank without a dyad or a year)."""
    rows = [ucdp_row(e, doc_meta) for e in events]
    totals: dict[tuple[str, Any], int] = defaultdict(int)
    for r in rows:
        if r["dyad_name"] and r["year"] != "":
            totals[(r["dyad_name"], r["year"])] += int(r["best"] or 0)
    for r in rows:
        key = (r["dyad_name"], r["year"])
        if key in totals:
            r["active_year"] = 1 if totals[key] >= ACTIVE_YEAR_DEATHS else 0
    return rows


def write_ucdp(events: Sequence[Event], out: TextIO, doc_meta: Optional[DocMeta] = None) -> int:
    """Write ``events`` as a GED CSV to ``out`` (open it with ``newline=""``); returns rows written."""
    rows = ucdp_rows(events, doc_meta or {})
    writer = csv.DictWriter(out, fieldnames=UCDP_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)
