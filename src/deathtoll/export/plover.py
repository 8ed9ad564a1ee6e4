"""Events as PLOVER records (JSON Lines, one record per event).

PLOVER (Open Event Data Alliance, manual draft 0.7b1) codes violence as the
``ASSAULT`` category with an optional list of ``mode`` values and ``context``
values; actors are objects with a ``code`` (ISO alpha-3 or a non-state code such as
``IMG``) and a ``sector`` (``MIL``, ``REB``, ``UAF``, ``CVL`` …). One-sided violence
has the perpetrator as ``source`` and the victims as ``recipient``. We add the
evidence PLOVER leaves open: ``text_info`` and ``cite_info`` as lists (one entry per
mention / document). The mapping: ``docs/formats.md``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Optional, TextIO

from deathtoll.export.interop import (
    DocMeta,
    actor_country,
    codes,
    documents,
    event_country,
    is_one_sided,
    method_family,
    victim_side,
)
from deathtoll.model import Actor, Event

#: Keys of every record, in order.
PLOVER_KEYS: tuple[str, ...] = (
    "id", "date", "enddate", "event", "mode", "context", "quad_code", "source", "recipient",
    "event_loc", "event_text", "dead", "injured", "text_info", "cite_info", "coder", "comment",
)

CODER = "deathtoll"


def _plover() -> dict[str, Any]:
    return codes()["plover"]


def modes(e: Event) -> list[str]:
    """ASSAULT modes: the event type's default, then the one its method implies (deduplicated)."""
    pl = _plover()
    out = [pl["modes"].get(e.event_type)]
    family = method_family(e)
    if family:
        out.append(pl["method_modes"].get(family))
    return list(dict.fromkeys(m for m in out if m))


def actor_object(actor: Actor, country_alpha3: str) -> dict[str, Any]:
    """A PLOVER actor object: code, sector, actor_text, identifier_id, identifier_text."""
    pl = _plover()
    code = pl["actor_codes"].get(actor.actor_id)
    if code is None:
        home = actor_country(actor.actor_id).alpha3 if actor.kind == "state" else ""
        code = home or country_alpha3
    return {
        "code": code,
        "sector": pl["sectors"].get(actor.kind, pl["sectors"]["unknown"]),
        "actor_text": actor.name,
        "identifier_id": actor.actor_id,
        "identifier_text": actor.name,
    }


def _recipient(e: Event, alpha3: str) -> list[dict[str, Any]]:
    if not is_one_sided(e):
        return []
    side = victim_side(e)
    text = "prisoners" if side == "prisoner" else "civilians"
    return [{"code": alpha3, "sector": _plover()["sectors"]["civilians"], "actor_text": text}]


def _location(e: Event, alpha3: str) -> Optional[dict[str, Any]]:
    p = e.place
    if p is None:
        return None
    return {
        "name": p.name,
        "geonameid": p.geonameid,
        "latitude": p.lat,
        "longitude": p.lon,
        "country_code": p.country_code,
        "cc3": alpha3 or None,
        "country": p.country,
        "admin1": p.admin1,
        "precision": p.precision,
    }


def plover_record(e: Event, doc_meta: DocMeta) -> dict[str, Any]:
    """One PLOVER record for an event (keys in ``PLOVER_KEYS`` order)."""
    pl = _plover()
    alpha3 = event_country(e).alpha3
    docs = documents(e, doc_meta)
    t = e.time
    return {
        "id": e.event_id,
        "date": t.start.isoformat() if t else None,
        "enddate": t.end.isoformat() if t and t.end != t.start else None,
        "event": [pl["event"]],
        "mode": modes(e),
        "context": list(pl["contexts"].get(e.event_type, [])),
        "quad_code": pl["quad_code"],
        "source": [actor_object(e.perpetrator, alpha3)],
        "recipient": _recipient(e, alpha3),
        "event_loc": _location(e, alpha3),
        "event_text": [m.quote for m in e.mentions if m.quote],
        "dead": e.fatalities.best,
        "injured": e.injured.best,
        "text_info": [{"doc_id": m.doc_id, "quote": m.quote, "start": m.start, "end": m.end} for m in e.mentions],
        "cite_info": [
            {"doc_id": d["doc_id"], "publication": d["source"], "title": d["title"], "url": d["url"],
             "published": d["published"], "coder": CODER, "codebook": "plover-0.7b1"}
            for d in docs
        ],
        "coder": CODER,
        "comment": f"deathtoll event type {e.event_type}; deaths low {e.fatalities.low}, high {e.fatalities.high}",
    }


def write_plover(events: Sequence[Event], out: TextIO, doc_meta: Optional[DocMeta] = None) -> int:
    """Write ``events`` as PLOVER JSON Lines to ``out``; returns records written."""
    for e in events:
        out.write(json.dumps(plover_record(e, doc_meta or {}), ensure_ascii=False))
        out.write("\n")
    return len(events)
