"""Events, mentions and claims as the plain dicts of the export contract.

The shapes here are the stable output contract other tools read (see
``deathtoll.export``); add keys freely, never rename or drop one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Optional

from deathtoll.model import Actor, CountClaim, Event, EventMention, Place, TimeSpan, Toll, claim_fields, stable_id

#: Victim groups every record reports, always all five (null figures when no claims).
VICTIM_GROUPS: tuple[str, ...] = ("civilians", "combatants", "prisoners", "children", "women")

#: (fatalities, injured, victims by group) for some mentions; the caller supplies it
#: (normally from ``deathtoll.reconcile``) so export does not depend on reconcile.
Tolls = tuple[Toll, Toll, Mapping[str, Toll]]
TollsFor = Callable[[Sequence[EventMention]], Tolls]

NO_TOLL = Toll(None, None, None)


def toll_dict(t: Optional[Toll]) -> dict[str, Optional[int]]:
    """``{"low", "best", "high"}`` (all null for no toll)."""
    t = t or NO_TOLL
    return {"low": t.low, "best": t.best, "high": t.high}


def actor_dict(a: Actor) -> dict[str, Any]:
    """``{"id", "name", "kind"}``."""
    return {"id": a.actor_id, "name": a.name, "kind": a.kind}


def place_dict(p: Optional[Place]) -> dict[str, Any]:
    """``{"name", "admin1", "country", "lat", "lon", "precision", …}``, nulls when not geocoded."""
    keys = ("name", "admin1", "country", "country_code", "lat", "lon", "precision", "geonameid")
    return {k: getattr(p, k) if p else None for k in keys}


def date_dict(t: Optional[TimeSpan]) -> dict[str, Optional[str]]:
    """``{"start", "end", "precision"}`` with ISO dates, nulls when undated."""
    if t is None:
        return {"start": None, "end": None, "precision": None}
    return {"start": t.start.isoformat(), "end": t.end.isoformat(), "precision": t.precision}


def victims_dict(victims: Mapping[str, Toll]) -> dict[str, dict[str, Optional[int]]]:
    """The five ``VICTIM_GROUPS`` always, then any other group present."""
    out = {g: toll_dict(victims.get(g)) for g in VICTIM_GROUPS}
    out.update({g: toll_dict(t) for g, t in victims.items() if g not in out})
    return out


def claim_id_of(c: CountClaim, mention_id: str, index: int) -> str:
    """The claim's id, or the one the store derives for claims without one."""
    return c.claim_id or stable_id("c", mention_id, index)


def claim_dict(c: CountClaim, m: EventMention, index: int) -> dict[str, Any]:
    """One claim with its evidence (quote and offsets into its document)."""
    return claim_fields(c, claim_id_of(c, m.mention_id, index), m)


def _claims(mentions: Sequence[EventMention]) -> list[dict[str, Any]]:
    return [claim_dict(c, m, i) for m in mentions for i, c in enumerate(m.claims)]


def event_record(e: Event) -> dict[str, Any]:
    """The export record of one event."""
    claims = _claims(e.mentions)
    return {
        "event_id": e.event_id,
        "event_type": e.event_type,
        "perpetrator": actor_dict(e.perpetrator),
        "place": place_dict(e.place),
        "date": date_dict(e.time),
        "fatalities": toll_dict(e.fatalities),
        "injured": toll_dict(e.injured),
        "victims": victims_dict(e.victims),
        "documents": list(e.doc_ids),
        "n_documents": len(e.doc_ids),
        "n_mentions": len(e.mentions),
        "n_claims": len(claims),
        "mentions": [m.mention_id for m in e.mentions],
        "mention_doc_ids": [m.doc_id for m in e.mentions],  # aligned with "mentions"
        "rule": e.rule,
        "link_reasons": list(e.link_reasons),
        "contradictions": [c.to_dict() for c in e.contradictions],
        "claims": claims,
    }


def mention_record(m: EventMention, event_id: Optional[str], tolls: Tolls) -> dict[str, Any]:
    """The export record of one mention; ``tolls`` are counted from its own claims."""
    fatalities, injured, victims = tolls
    claims = _claims([m])
    return {
        "mention_id": m.mention_id,
        "doc_id": m.doc_id,
        "event_id": event_id,
        "event_type": m.event_type,
        "perpetrator": actor_dict(m.perpetrator),
        "place": place_dict(m.place),
        "date": date_dict(m.time),
        "fatalities": toll_dict(fatalities),
        "injured": toll_dict(injured),
        "victims": victims_dict(victims),
        "documents": [m.doc_id] if m.doc_id else [],
        "n_documents": 1 if m.doc_id else 0,
        "n_claims": len(claims),
        "victim_kind": m.victim_kind,
        "method": m.method,
        "trigger": m.trigger,
        "quote": m.quote,
        "start": m.start,
        "end": m.end,
        "extractor": m.extractor,
        "link_reasons": [],
        "contradictions": [],
        "claims": claims,
    }


def claim_records(
    mentions: Sequence[EventMention],
    event_of: Mapping[str, str],
    doc_meta: Mapping[str, Mapping[str, Any]],
    event_places: Optional[Mapping[str, Optional[Place]]] = None,
) -> list[dict[str, Any]]:
    """One record per claim, with its event id, document source/url, the mention's place
    and its event's place (``event_place``, from ``event_places``: event id → place)."""
    out = []
    for m in mentions:
        for i, c in enumerate(m.claims):
            d = claim_dict(c, m, i)
            meta = doc_meta.get(d["doc_id"], {})
            event_id = event_of.get(m.mention_id)
            out.append(
                {
                    "claim_id": d.pop("claim_id"),
                    "event_id": event_id,
                    **d,
                    "source": meta.get("source"),
                    "url": meta.get("url"),
                    "published": meta.get("published"),
                    "event_type": m.event_type,
                    "place": place_dict(m.place),
                    "date": date_dict(m.time),
                    "event_place": place_dict((event_places or {}).get(event_id) if event_id else None),
                }
            )
    return out


def flatten(record: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dicts become ``parent_child`` columns; lists of scalars join with ``;``;
    lists of objects become a JSON string; the ``claims`` list is left out (export
    ``what="claims"`` for those)."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        if not prefix and key == "claims":
            continue
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, f"{name}_"))
        elif isinstance(value, (list, tuple)):
            if all(not isinstance(v, (Mapping, list, tuple)) for v in value):
                flat[name] = ";".join("" if v is None else str(v) for v in value)
            else:
                flat[name] = json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = value
    return flat


def blank_record(what: str) -> dict[str, Any]:
    """A record with every key and null values: gives CSV headers for empty exports."""
    empty_mention = EventMention(mention_id="", doc_id="", event_type="")
    if what == "events":
        return event_record(Event(event_id="", event_type="", mentions=()))
    if what == "mentions":
        return mention_record(empty_mention, None, (NO_TOLL, NO_TOLL, {}))
    claim = CountClaim(kind="killed", low=None, high=None, value=None, qualifier="")
    return claim_records([empty_mention.replace(claims=(claim,))], {}, {})[0]
