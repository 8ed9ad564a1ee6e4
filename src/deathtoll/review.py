"""Analyst review: record decisions as edits and overlay them on freshly derived events.

Edits are inputs of every rebuild, never patches of derived rows: ``Ledger.rebuild_events``
links and reconciles the stored mentions (merges and splits reach the linker as
constraints, see ``ledger.constraints_from_edits``) and then calls :func:`apply_edits`,
so machine output never overwrites an analyst decision.

Edit actions (one row in the ``edits`` table each; ``payload`` always has ``before`` and
``after``):

- ``merge``  target: first event id; payload ``event_ids``, ``mention_ids`` (of all events)
- ``split``  target: mention id; payload ``mention_id``, ``from_mention_ids``
- ``correct`` target: event id (``field`` place/date/perpetrator/type) or claim id
  (``field`` number), payload ``field``, ``value`` and, for events, ``mention_ids`` so a
  correction follows its event should the event id change
- ``exclude_claim`` target: claim id; payload ``reason``
- ``confirm`` target: event id; payload ``mention_ids`` (a confirmation lapses when the
  event gains or loses mentions: new evidence needs a new look)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Optional

from .errors import DeathtollError
from .model import EVENT_TYPES, Actor, CountClaim, Event, EventMention, Place, TimeSpan, Toll, stable_id

if TYPE_CHECKING:  # pragma: no cover
    from .ledger import Ledger

#: Computes (fatalities, injured, victims) for some mentions (``ledger.tolls_for``).
TollsFor = Callable[[Sequence[EventMention]], tuple[Toll, Toll, dict[str, Toll]]]

ACTIONS: tuple[str, ...] = ("merge", "split", "correct", "exclude_claim", "confirm")
EVENT_FIELDS: tuple[str, ...] = ("place", "date", "perpetrator", "type")
CLAIM_FIELDS: tuple[str, ...] = ("number",)
#: Suffix added to ``Event.rule`` when analyst edits changed the claims behind the tolls.
EDITED_RULE_SUFFIX = "+analyst"


class ReviewError(DeathtollError):
    """An analyst action that cannot be applied (unknown field, bad value, nothing to merge)."""

    code = "E600"


# ------------------------------------------------------------------ helpers


def claim_key(mention: EventMention, index: int) -> str:
    """The id of the ``index``-th claim of ``mention`` (as the store derives it when empty)."""
    claim = mention.claims[index]
    return claim.claim_id or stable_id("c", mention.mention_id, index)


def iter_claims(event: Event) -> Iterator[tuple[str, EventMention, CountClaim]]:
    """(claim id, mention, claim) for every claim of ``event``."""
    for m in event.mentions:
        for i, c in enumerate(m.claims):
            yield claim_key(m, i), m, c


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "unknown"


def parse_place(value: Any) -> Place:
    """A ``Place`` from an analyst value: a name, or a dict of ``Place`` fields."""
    if isinstance(value, str) and value.strip():
        return Place(name=value.strip(), precision=1, text="analyst")
    if isinstance(value, dict) and str(value.get("name") or "").strip():
        known = {"name", "admin1", "country", "country_code", "lat", "lon", "precision", "geonameid"}
        d = {k: v for k, v in value.items() if k in known and v not in (None, "")}
        try:
            for k in ("lat", "lon"):
                if k in d:
                    d[k] = float(d[k])
            for k in ("precision", "geonameid"):
                if k in d:
                    d[k] = int(d[k])
        except (TypeError, ValueError) as e:
            raise ReviewError(f"bad place value {value!r}: {e}") from e
        return Place(**{"precision": 1, **d, "text": "analyst"})
    raise ReviewError(f"a place needs a name, got {value!r}")


def parse_date(value: Any) -> TimeSpan:
    """A ``TimeSpan`` from ``"YYYY-MM-DD"``, ``"YYYY-MM-DD..YYYY-MM-DD"`` or ``{start, end}``."""
    try:
        if isinstance(value, dict):
            start = date.fromisoformat(str(value["start"]))
            end = date.fromisoformat(str(value.get("end") or value["start"]))
        elif isinstance(value, str):
            a, _, b = value.strip().partition("..")
            start, end = date.fromisoformat(a.strip()), date.fromisoformat((b or a).strip())
        else:
            raise ValueError("not a date")
        return TimeSpan(start, end, "day" if start == end else "days", text="analyst", anchor="analyst")
    except (KeyError, ValueError) as e:
        raise ReviewError(f"bad date {value!r} (use YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD)") from e


def parse_perpetrator(value: Any) -> Actor:
    """An ``Actor`` from a name or a dict ``{actor_id?, name, kind?}``."""
    if isinstance(value, str) and value.strip():
        return Actor(actor_id=_slug(value), name=value.strip(), kind="unknown", text="analyst")
    if isinstance(value, dict) and str(value.get("name") or "").strip():
        name = str(value["name"]).strip()
        return Actor(actor_id=str(value.get("actor_id") or _slug(name)), name=name,
                     kind=str(value.get("kind") or "unknown"), text="analyst")
    raise ReviewError(f"a perpetrator needs a name, got {value!r}")


def parse_number(value: Any) -> tuple[int, int, int]:
    """(value, low, high) from an int, a numeric string or ``{value, low?, high?}``."""
    try:
        if isinstance(value, dict):
            v = int(value["value"])
            lo, hi = int(value.get("low", v)), int(value.get("high", v))
        else:
            v = lo = hi = int(str(value).strip())
    except (KeyError, TypeError, ValueError) as e:
        raise ReviewError(f"bad number {value!r}") from e
    if v < 0 or not lo <= v <= hi:
        raise ReviewError(f"number must satisfy 0 <= low <= value <= high, got {value!r}")
    return v, lo, hi


def event_value(event: Event, field: str) -> Any:
    """The JSON-able current value of an event field (for an edit's ``before``)."""
    if field == "place":
        return event.place.to_dict() if event.place else None
    if field == "date":
        return {"start": event.time.start.isoformat(), "end": event.time.end.isoformat()} if event.time else None
    if field == "perpetrator":
        return event.perpetrator.to_dict()
    if field == "type":
        return event.event_type
    raise ReviewError(f"unknown event field {field!r} (one of {', '.join(EVENT_FIELDS)})")


def _set_event_field(event: Event, field: str, value: Any) -> Event:
    if field == "place":
        return event.replace(place=parse_place(value))
    if field == "date":
        return event.replace(time=parse_date(value))
    if field == "perpetrator":
        return event.replace(perpetrator=parse_perpetrator(value))
    if field == "type":
        if value not in EVENT_TYPES:
            raise ReviewError(f"unknown event type {value!r} (one of {', '.join(EVENT_TYPES)})")
        return event.replace(event_type=value)
    raise ReviewError(f"unknown event field {field!r} (one of {', '.join(EVENT_FIELDS)})")


def _locate(events: list[Event], target: str, mention_ids: Iterable[str] = ()) -> Optional[int]:
    """Index of the event ``target``, else of the one holding most of ``mention_ids``."""
    for i, e in enumerate(events):
        if e.event_id == target:
            return i
    wanted = set(mention_ids)
    best, best_n = None, 0
    for i, e in enumerate(events):
        n = sum(1 for m in e.mentions if m.mention_id in wanted)
        if n > best_n:
            best, best_n = i, n
    return best


def _claim_owner(events: list[Event], claim_id: str) -> Optional[tuple[int, int, int]]:
    """(event index, mention index, claim index) of ``claim_id``."""
    for ei, e in enumerate(events):
        for mi, m in enumerate(e.mentions):
            for ci in range(len(m.claims)):
                if claim_key(m, ci) == claim_id:
                    return ei, mi, ci
    return None


def _edit_claims(event: Event, mi: int, ci: int, new: Optional[CountClaim]) -> Event:
    """``event`` with claim ``ci`` of mention ``mi`` replaced by ``new`` (removed when None).

    The claim keeps its id, so later edits and contradictions still find it."""
    m = event.mentions[mi]
    # pin every id first: removing one claim must not shift the derived ids of the others
    claims = [c if c.claim_id else c.replace(claim_id=claim_key(m, i)) for i, c in enumerate(m.claims)]
    if new is None:
        del claims[ci]
    else:
        claims[ci] = new.replace(claim_id=claims[ci].claim_id)
    pinned = tuple(claims)
    mentions = list(event.mentions)
    mentions[mi] = m.replace(claims=pinned)
    return event.replace(mentions=tuple(mentions))


# ------------------------------------------------------------------ overlay


def apply_edits(events: Sequence[Event], edits: Iterable[Any], *, tolls_for: TollsFor) -> list[Event]:
    """Overlay corrections and claim exclusions on freshly derived ``events``.

    ``edits`` are active ``store.Edit`` records, oldest first (later ones win). Merges,
    splits and confirmations need nothing here (the linker obeys merges and splits;
    see :func:`confirmed_ids`). An edit whose target is gone (its document was
    re-extracted without that claim, say) is skipped. Events whose claims changed get
    their tolls recomputed by ``tolls_for`` and their contradictions limited to the
    claims still there; their ``rule`` gets the suffix ``+analyst``.
    """
    out = list(events)
    touched: set[int] = set()
    for ed in edits:
        p = ed.payload or {}
        if ed.action == "correct" and p.get("field") in CLAIM_FIELDS:
            where = _claim_owner(out, ed.target)
            if where is None:
                continue
            ei, mi, ci = where
            v, lo, hi = parse_number(p.get("value"))
            old = out[ei].mentions[mi].claims[ci]
            new = old.replace(value=v, low=lo, high=hi, qualifier="exact" if lo == hi else "between")
            out[ei] = _edit_claims(out[ei], mi, ci, new)
            touched.add(ei)
        elif ed.action == "correct":
            i = _locate(out, ed.target, p.get("mention_ids", ()))
            if i is not None:
                out[i] = _set_event_field(out[i], str(p.get("field")), p.get("value"))
        elif ed.action == "exclude_claim":
            where = _claim_owner(out, ed.target)
            if where is not None:
                ei, mi, ci = where
                out[ei] = _edit_claims(out[ei], mi, ci, None)
                touched.add(ei)
    for i in touched:
        e = out[i]
        fatalities, injured, victims = tolls_for(e.mentions)
        kept = {cid for cid, _, _ in iter_claims(e)}
        contradictions = tuple(c for c in e.contradictions if c.claim_a in kept and c.claim_b in kept)
        rule = e.rule if e.rule.endswith(EDITED_RULE_SUFFIX) else e.rule + EDITED_RULE_SUFFIX
        out[i] = e.replace(fatalities=fatalities, injured=injured, victims=dict(victims),
                           contradictions=contradictions, rule=rule)
    return out


def confirmed_ids(events: Sequence[Event], edits: Iterable[Any]) -> set[str]:
    """Ids of events an analyst confirmed and whose mentions have not changed since."""
    out: set[str] = set()
    evs = list(events)
    for ed in edits:
        if ed.action != "confirm":
            continue
        mids = set(ed.payload.get("mention_ids", ()))
        i = _locate(evs, ed.target, mids)
        if i is not None and (not mids or {m.mention_id for m in evs[i].mentions} == mids):
            out.add(evs[i].event_id)
    return out


def needs_review(event: Event, confirmed: set[str]) -> bool:
    """Not confirmed, or some claims contradict each other."""
    return event.event_id not in confirmed or bool(event.contradictions)


# ------------------------------------------------------------------ actions


def _record(ledger: "Ledger", user: str, action: str, target: str, payload: dict[str, Any]) -> int:
    edit_id = ledger.store.add_edit(user, action, target, payload)
    ledger.rebuild_events()
    return edit_id


def _event_of_claim(ledger: "Ledger", claim_id: str) -> tuple[Event, CountClaim]:
    for e in ledger.events():
        for cid, _, c in iter_claims(e):
            if cid == claim_id:
                return e, c
    raise ReviewError(f"no claim {claim_id!r} in any event")


def merge(ledger: "Ledger", user: str, event_ids: Sequence[str]) -> int:
    """Join two or more events into one; returns the edit id."""
    ids = list(dict.fromkeys(event_ids))
    if len(ids) < 2:
        raise ReviewError("merging needs two different events")
    events = [ledger.event(i) for i in ids]
    before = {e.event_id: [m.mention_id for m in e.mentions] for e in events}
    mids = [mid for e in events for mid in before[e.event_id]]
    payload = {"event_ids": ids, "mention_ids": mids, "before": before, "after": {"mention_ids": mids}}
    return _record(ledger, user, "merge", ids[0], payload)


def split(ledger: "Ledger", user: str, mention_id: str) -> int:
    """Take a mention out of its event into an event of its own; returns the edit id."""
    owner = next((e for e in ledger.events() if any(m.mention_id == mention_id for m in e.mentions)), None)
    if owner is None:
        raise ReviewError(f"mention {mention_id!r} is in no event")
    others = [m.mention_id for m in owner.mentions if m.mention_id != mention_id]
    if not others:
        raise ReviewError(f"mention {mention_id!r} is already alone in event {owner.event_id}")
    payload = {"mention_id": mention_id, "from_mention_ids": others, "event_id": owner.event_id,
               "before": {"event_id": owner.event_id, "mention_ids": [mention_id, *others]},
               "after": {"mention_ids": [mention_id]}}
    return _record(ledger, user, "split", mention_id, payload)


def correct_event(ledger: "Ledger", user: str, event_id: str, field: str, value: Any) -> int:
    """Set an event's place, date, perpetrator or type; returns the edit id."""
    e = ledger.event(event_id)
    after = event_value(_set_event_field(e, field, value), field)  # validates
    payload = {"field": field, "value": value, "mention_ids": [m.mention_id for m in e.mentions],
               "before": event_value(e, field), "after": after}
    return _record(ledger, user, "correct", event_id, payload)


def correct_claim(ledger: "Ledger", user: str, claim_id: str, value: Any) -> int:
    """Correct the number of a claim (an int, or ``{value, low, high}``); returns the edit id."""
    e, c = _event_of_claim(ledger, claim_id)
    v, lo, hi = parse_number(value)
    payload = {"field": "number", "value": value, "event_id": e.event_id,
               "before": {"value": c.value, "low": c.low, "high": c.high},
               "after": {"value": v, "low": lo, "high": hi}}
    return _record(ledger, user, "correct", claim_id, payload)


def exclude_claim(ledger: "Ledger", user: str, claim_id: str, reason: str) -> int:
    """Leave a claim out of the tolls, with a reason; returns the edit id."""
    if not reason.strip():
        raise ReviewError("excluding a claim needs a reason")
    e, c = _event_of_claim(ledger, claim_id)
    payload = {"reason": reason.strip(), "event_id": e.event_id,
               "before": {"included": True, "value": c.value, "kind": c.kind},
               "after": {"included": False}}
    return _record(ledger, user, "exclude_claim", claim_id, payload)


def confirm(ledger: "Ledger", user: str, event_id: str) -> int:
    """Mark an event as checked by an analyst; returns the edit id."""
    e = ledger.event(event_id)
    mids = [m.mention_id for m in e.mentions]
    payload = {"mention_ids": mids, "before": {"confirmed": False}, "after": {"confirmed": True}}
    return _record(ledger, user, "confirm", event_id, payload)


def undo(ledger: "Ledger", edit_id: int) -> None:
    """Undo an edit (it stays in the log, marked undone) and rebuild the events."""
    ledger.store.undo_edit(edit_id)
    ledger.rebuild_events()


__all__ = [
    "ACTIONS", "CLAIM_FIELDS", "EVENT_FIELDS", "ReviewError", "TollsFor", "apply_edits", "claim_key",
    "confirm", "confirmed_ids", "correct_claim", "correct_event", "exclude_claim", "iter_claims", "merge",
    "needs_review", "split", "undo",
]
