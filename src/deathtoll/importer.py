"""Import an events JSONL export (``deathtoll export --what events --format jsonl``) into a ledger.

The export holds events, their claims (with quotes and offsets) and the ids of
their mentions and documents, but not the documents' texts nor the mentions'
own places and dates. Import rebuilds what it can as model records and stores them
through ``Store.import_events``: one mention per exported mention id (with the
event's type, perpetrator, place and date, and its own claims), the event with its
tolls as exported, and a stub document for every document id the ledger lacks.
Exporting the imported ledger again gives the same events JSONL.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Optional

from .errors import MalformedInput
from .model import (
    Actor,
    Contradiction,
    CountClaim,
    Event,
    EventMention,
    Place,
    TimeSpan,
    Toll,
)
from .store import Store

#: Victim groups every export record carries (an all-null one means "no claims").
_DEFAULT_GROUPS = ("civilians", "combatants", "prisoners", "children", "women")
_CLAIM_FIELDS = ("kind", "low", "high", "value", "qualifier", "victim_kind", "subgroup", "claimant", "claimant_kind",
                 "quote", "start", "end", "number_text", "number_start", "number_end", "doc_id", "claim_id")
_PLACE_FIELDS = ("name", "admin1", "country", "country_code", "lat", "lon", "precision", "geonameid")


@dataclass
class ImportSummary:
    """What an import stored."""

    events: int = 0
    mentions: int = 0
    claims: int = 0
    stub_documents: list[str] = field(default_factory=list)


def _toll(d: Optional[Mapping[str, Any]]) -> Toll:
    d = d or {}
    return Toll(d.get("low"), d.get("best"), d.get("high"))


def _place(d: Optional[Mapping[str, Any]]) -> Optional[Place]:
    if not d or d.get("name") is None:
        return None
    kw = {k: d.get(k) for k in _PLACE_FIELDS}
    kw["precision"] = kw["precision"] if kw["precision"] is not None else 1
    return Place(**kw)


def _time(d: Optional[Mapping[str, Any]]) -> Optional[TimeSpan]:
    if not d or not d.get("start"):
        return None
    return TimeSpan(date.fromisoformat(d["start"]), date.fromisoformat(d["end"] or d["start"]),
                    d.get("precision") or "unknown")


def _victims(d: Mapping[str, Any]) -> dict[str, Toll]:
    out = {}
    for group, t in d.items():
        toll = _toll(t)
        if group in _DEFAULT_GROUPS and toll.low is None and toll.best is None and toll.high is None:
            continue
        out[group] = toll
    return out


def event_from_record(rec: Mapping[str, Any]) -> Event:
    """Rebuild an ``Event`` (with mentions and claims) from one events-export record.

    Raises ``KeyError``/``TypeError``/``ValueError`` for a record that is not one.
    """
    p = rec.get("perpetrator") or {}
    perpetrator = Actor(p.get("id", "unknown"), p.get("name", "Unknown"), p.get("kind", "unknown"))
    place, time = _place(rec.get("place")), _time(rec.get("date"))
    claims: dict[str, list[CountClaim]] = {}
    for c in rec.get("claims", []):
        claims.setdefault(c["mention_id"], []).append(CountClaim(**{k: c.get(k) for k in _CLAIM_FIELDS}))
    mention_ids: list[str] = list(rec.get("mentions", []))
    doc_ids = list(rec.get("mention_doc_ids") or [])
    mentions = []
    for i, mid in enumerate(mention_ids):
        own = tuple(claims.get(mid, ()))
        if i < len(doc_ids):
            doc_id = doc_ids[i]
        elif own:
            doc_id = own[0].doc_id
        elif len(rec.get("documents", [])) == 1:
            doc_id = rec["documents"][0]
        else:
            raise ValueError(f"cannot tell the document of mention {mid!r} (no mention_doc_ids)")
        kinds = Counter(c.victim_kind for c in own if c.victim_kind != "unknown")
        mentions.append(EventMention(
            mention_id=mid, doc_id=doc_id, event_type=rec["event_type"], perpetrator=perpetrator,
            victim_kind=kinds.most_common(1)[0][0] if kinds else "unknown", claims=own, place=place, time=time,
            extractor="import",
        ))
    return Event(
        event_id=rec["event_id"], event_type=rec["event_type"], mentions=tuple(mentions), perpetrator=perpetrator,
        place=place, time=time, fatalities=_toll(rec.get("fatalities")), injured=_toll(rec.get("injured")),
        victims=_victims(rec.get("victims") or {}),
        contradictions=tuple(Contradiction(**c) for c in rec.get("contradictions", [])),
        link_reasons=tuple(rec.get("link_reasons", [])), rule=rec.get("rule", ""),
    )


def read_events(lines: Iterable[str]) -> list[Event]:
    """Events from the lines of an events JSONL export (blank lines skipped).

    Raises ``MalformedInput`` (E103) naming the line for bad JSON or a record that is not an event.
    """
    events = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict):
                raise TypeError("not a JSON object")
            events.append(event_from_record(rec))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
            raise MalformedInput(f"line {n} is not an exported event: {e}") from e
    return events


def import_jsonl(store: Store, lines: Iterable[str]) -> ImportSummary:
    """Import the events of an events JSONL export into ``store`` (one transaction).

    Returns what was stored; raises ``MalformedInput`` for a bad line (nothing is
    stored then) and ``StoreError`` when the database refuses.
    """
    events = read_events(lines)
    stubs = store.import_events(events)
    return ImportSummary(
        events=len(events),
        mentions=sum(len(e.mentions) for e in events),
        claims=sum(len(e.claims) for e in events),
        stub_documents=stubs,
    )


def import_file(store: Store, path: str | Path) -> ImportSummary:
    """:func:`import_jsonl` on a file; an unreadable file raises ``MalformedInput``."""
    try:
        with open(path, encoding="utf-8") as f:
            return import_jsonl(store, f)
    except OSError as e:
        raise MalformedInput(f"cannot read {path}: {e}") from e


__all__ = ["ImportSummary", "event_from_record", "import_file", "import_jsonl", "read_events"]
