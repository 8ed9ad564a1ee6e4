"""Events as ACLED rows (CSV with ACLED's columns, in ACLED's order).

One row per event. Event and sub-event types come from the crosswalk in
``resources/export_codes.json``; ``fatalities`` follows ACLED's conservative rule
(the lowest credible figure; vague words by the ``acled`` values of
``resources/quantities.json``). Column-by-column rules: ``docs/formats.md``.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import Any, Optional, TextIO

from deathtoll.export.interop import (
    DocMeta,
    actor_country,
    blank,
    codes,
    documents,
    epoch,
    event_country,
    is_one_sided,
    method_family,
    midpoint,
    victim_side,
)
from deathtoll.model import FATAL_KINDS, Actor, CountClaim, Event
from deathtoll.resources import load_json

#: ACLED's export columns in ACLED's order (ACLED codebook / API, 2023 onwards).
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)

#: ACLED's six event types (for validation and the docs).
ACLED_EVENT_TYPES: tuple[str, ...] = (
    "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments",
)


def _acled() -> dict[str, Any]:
    return codes()["acled"]


def event_types(e: Event) -> tuple[str, str]:
    """(event_type, sub_event_type) for an event, by the crosswalk and the victims."""
    a = _acled()
    table = a["sub_event_types"]
    etype, sub = table.get(e.event_type, table["attack"])
    if e.event_type == "bombing" and method_family(e) == "suicide":
        etype, sub = a["suicide_bombing"]
    if etype == "Violence against civilians" and victim_side(e) == "combatant":
        etype, sub = a["combatant_victims"]
    return etype, sub


def inter_code(actor: Actor, country_alpha2: str) -> int:
    """ACLED inter code of an actor: 1 state (8 if foreign or multinational), 2 non-state, 3 unidentified."""
    a = _acled()
    inter = a["inter_codes"]
    if actor.actor_id in a["actor_inter"]:
        return int(a["actor_inter"][actor.actor_id])
    if actor.kind == "state":
        home = actor_country(actor.actor_id).alpha2
        return inter["external"] if home and country_alpha2 and home != country_alpha2 else inter["state"]
    return inter["rebel"] if actor.kind == "non_state" else inter["political_militia"]


def _actor1(e: Event, cname: str) -> str:
    if e.perpetrator.actor_id == "unknown":
        return f"Unidentified Armed Group ({cname})"
    return e.perpetrator.name


def _actor2(e: Event, etype: str, cname: str, alpha2: str) -> tuple[str, int]:
    inter = _acled()["inter_codes"]
    if is_one_sided(e) or victim_side(e) == "civilian":
        return f"Civilians ({cname})", inter["civilians"]
    if etype != "Battles" and victim_side(e) != "combatant":
        return "", 0
    for m in e.mentions:
        other = m.perpetrator
        if other.actor_id not in ("unknown", e.perpetrator.actor_id):
            return other.name, inter_code(other, alpha2)
    if e.perpetrator.kind == "state":
        return f"Unidentified Armed Group ({cname})", inter["political_militia"]
    return f"Military Forces of {cname}", inter["state"]


def _vague(qualifier: str) -> Optional[tuple[dict[str, Any], int]]:
    """(vague rule, scale) when the qualifier is a vague quantity ("dozens", "tens of thousands")."""
    q = load_json("quantities.json")
    for key, rule in q["vague"].items():
        if qualifier == key or qualifier.startswith(key + " "):
            rest = qualifier[len(key):].replace(" of ", " ").split()
            word = rest[-1] if rest else ""
            scale = q["vague_scales"].get(word) or q["plural_scales"].get(word) or 1
            return rule, int(scale)
    return None


def _acled_value(c: CountClaim) -> Optional[int]:
    found = _vague(c.qualifier)
    if found is None:
        return None
    rule, scale = found
    value = int(rule["acled"]) * scale
    return min(value, c.low) if scale > 1 and c.low is not None else value


def fatalities(e: Event) -> int:
    """ACLED's conservative count: the reconciled low; when every death claim is vague, the
    lowest ACLED reading of the vague words ("dozens" 12, "hundreds" 100); 0 with no claim."""
    fatal = [c for c in e.claims if c.kind in FATAL_KINDS and c.subgroup is None]
    if fatal and all(_vague(c.qualifier) for c in fatal):
        return min(v for v in (_acled_value(c) for c in fatal) if v is not None)
    f = e.fatalities
    if f.low is not None:
        return f.low
    lows = [v for c in fatal for v in (c.low if c.low is not None else c.value,) if v is not None]
    return min(lows) if lows else (f.best or 0)


def _notes(e: Event, actor1: str, location: str, n: int) -> str:
    when = f"On {e.time.start.day} {e.time.start:%B %Y}" if e.time else "On an unknown date"
    what = e.event_type.replace("_", " ")
    where = f" in {location}" if location else ""
    f = e.fatalities
    toll = f"reported deaths {blank(f.low)}-{blank(f.high)} (best {blank(f.best)})" if f.best is not None else "no death toll"
    return f"{when}, {what} by {actor1}{where}; {toll}, from {n} report(s)."


def _tags(e: Event) -> str:
    tags = [f"{g} killed" for g in ("children", "women") if (t := e.victims.get(g)) and (t.best or t.low)]
    if e.contradictions:
        tags.append("contradictory reports")
    return "; ".join(tags)


def acled_row(e: Event, doc_meta: DocMeta) -> dict[str, Any]:
    """One ACLED row (dict keyed by ``ACLED_COLUMNS``)."""
    a = _acled()
    country = event_country(e)
    p, t = e.place, e.time
    cname = (p.country if p else None) or "unknown country"
    etype, sub = event_types(e)
    actor1 = _actor1(e, cname)
    inter1 = inter_code(e.perpetrator, country.alpha2)
    actor2, inter2 = _actor2(e, etype, cname, country.alpha2)
    docs = documents(e, doc_meta)
    sources = list(dict.fromkeys(d["source"] for d in docs if d["source"]))
    stamps = [s for s in (epoch(d["published"]) for d in docs) if s is not None]
    lo, hi = sorted((inter1, inter2)) if inter2 else (inter1, 0)
    civilian = etype != "Battles" and (is_one_sided(e) or victim_side(e) == "civilian")
    has_point = p is not None and p.lat is not None and p.lon is not None
    return {
        "event_id_cnty": f"{country.alpha3 or 'XXX'}-{e.event_id}",
        "event_date": (t.start if t.precision == "day" else midpoint(t.start, t.end)).isoformat() if t else "",
        "year": t.start.year if t else "",
        "time_precision": a["time_precision"].get(t.precision, 3) if t else "",
        "disorder_type": a["disorder_type"],
        "event_type": etype,
        "sub_event_type": sub,
        "actor1": actor1,
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": int(f"{lo}{hi}") if hi else inter1 * 10,
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": int(country.iso_numeric) if country.iso_numeric else "",
        "region": country.acled_region,
        "country": blank(p.country if p else None),
        "admin1": blank(p.admin1 if p else None),
        "admin2": "",
        "admin3": "",
        "location": p.name if p else "",
        "latitude": p.lat if has_point else "",
        "longitude": p.lon if has_point else "",
        "geo_precision": a["geo_precision"].get(str(p.precision), 3) if p else "",
        "source": "; ".join(sources),
        "source_scale": "",
        "notes": _notes(e, actor1, p.name if p else "", len(docs)),
        "fatalities": fatalities(e),
        "tags": _tags(e),
        "timestamp": max(stamps) if stamps else "",
    }


def write_acled(events: Sequence[Event], out: TextIO, doc_meta: Optional[DocMeta] = None) -> int:
    """Write ``events`` as an ACLED CSV to ``out`` (open it with ``newline=""``); returns rows written."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for e in events:
        writer.writerow(acled_row(e, doc_meta or {}))
    return len(events)
