"""The data model every stage speaks: small, typed, immutable records.

Stages are functions over these records. Nothing in this module does I/O.
Offsets are character offsets into ``Document.text`` (Python ``str`` indices),
so every number the system outputs can be traced back:
``Toll -> CountClaim -> (start, end) -> Document``.
"""

from __future__ import annotations

import dataclasses
import hashlib
from functools import cached_property
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, Optional

# ---------------------------------------------------------------- vocabularies

#: What happened to the victims a claim counts.
ClaimKind = Literal["killed", "injured", "executed", "missing", "abducted"]
CLAIM_KINDS: tuple[str, ...] = ("killed", "injured", "executed", "missing", "abducted")
#: Claim kinds that are deaths (count towards fatalities).
FATAL_KINDS: frozenset[str] = frozenset({"killed", "executed"})

#: Which side the victims were on.
VictimKind = Literal["civilian", "combatant", "prisoner", "unknown"]
VICTIM_KINDS: tuple[str, ...] = ("civilian", "combatant", "prisoner", "unknown")
#: Subgroups a claim can be about ("including 11 children").
SUBGROUPS: tuple[str, ...] = ("children", "women")

#: Qualifiers that state a figure. Any other qualifier ("dozens", "tens", "hundreds",
#: "several"; "named" for victims named one by one) bounds a toll from below only and
#: never sets a reconciled figure when a stated figure exists.
PRECISE_QUALIFIERS: frozenset[str] = frozenset(
    {"exact", "at least", "more than", "around", "nearly", "up to", "fewer than", "at most", "between", "none"}
)

#: Who makes a claim.
ClaimantKind = Literal["monitor", "perpetrator", "government", "witness", "media", "official", "unknown"]
CLAIMANT_KINDS: tuple[str, ...] = (
    "monitor",  # monitor / NGO / human-rights group
    "perpetrator",  # the group that did it (its statement, video, claim)
    "government",  # government or state media
    "official",  # police, hospital, coroner, local official
    "witness",  # a resident, survivor, relative
    "media",  # the reporting outlet itself (no attribution in the text)
    "unknown",
)

#: Kinds of violent event the extractor recognises.
EVENT_TYPES: tuple[str, ...] = (
    "execution",
    "massacre",
    "shooting",
    "bombing",
    "shelling",
    "air_strike",
    "chemical_attack",
    "clash",
    "attack",
)

#: Place precision, coded like UCDP GED ``where_prec``.
WHERE_PREC = {
    1: "exact location",
    2: "near a location (within ~25 km)",
    3: "second-order administrative division (district)",
    4: "first-order administrative division (province/governorate/state)",
    5: "linear feature or larger region",
    6: "country",
    7: "international waters or airspace",
}

#: Date precision, from finest to coarsest (compare UCDP ``date_prec`` 1..5).
DATE_PRECISIONS: tuple[str, ...] = ("day", "days", "week", "month", "year", "unknown")


# --------------------------------------------------------------------- helpers


def stable_id(prefix: str, *parts: object, length: int = 12) -> str:
    """A short deterministic id: ``prefix`` + hex digest of ``parts``."""
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{h[:length]}"


def content_hash(text: str) -> str:
    """The hash identical documents share (whitespace-normalised text)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


#: field names per dataclass (``dataclasses.fields`` and ``is_dataclass`` are slow when a
#: ledger serialises tens of thousands of events)
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_SCALARS = (str, int, float, bool, type(None))


def field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of dataclass ``cls`` in definition order (what ``to_dict`` writes;
    not cached properties), or None for any other type."""
    names = _FIELD_NAMES.get(cls)
    if names is None and dataclasses.is_dataclass(cls):
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _to_jsonable(value: Any) -> Any:
    cls = type(value)
    if cls in _SCALARS:
        return value
    names = field_names(cls)
    if names is not None:
        return {n: _to_jsonable(getattr(value, n)) for n in names}
    if isinstance(value, (list, tuple)):
        return [_to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_jsonable(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value


class Record:
    """Mixin: ``to_dict()`` gives plain JSON-able data."""

    def to_dict(self) -> dict[str, Any]:
        return _to_jsonable(self)

    def replace(self, **changes: Any):
        return dataclasses.replace(self, **changes)


# --------------------------------------------------------------------- records


@dataclass(frozen=True)
class Document(Record):
    """One report as ingested. ``text`` is the plain text all offsets point into."""

    doc_id: str
    text: str
    title: Optional[str] = None
    source: Optional[str] = None  # outlet or organisation
    url: Optional[str] = None
    published: Optional[str] = None  # ISO date, "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    path: Optional[str] = None  # where it was read from
    format: str = "txt"
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @cached_property
    def hash(self) -> str:
        """:func:`content_hash` of the text (computed once: ingest asks several times)."""
        return content_hash(self.text)

    @property
    def published_date(self) -> Optional[date]:
        """The publication date as a ``date`` (first day of month/year when coarser)."""
        if not self.published:
            return None
        p = self.published.strip()
        try:
            if len(p) >= 10:
                return date.fromisoformat(p[:10])
            if len(p) == 7:
                return date(int(p[:4]), int(p[5:7]), 1)
            if len(p) == 4:
                return date(int(p), 1, 1)
        except ValueError:
            return None
        return None

    @property
    def published_precision(self) -> str:
        p = (self.published or "").strip()
        return {10: "day", 7: "month", 4: "year"}.get(len(p[:10]), "unknown")


@dataclass(frozen=True)
class TextSpan(Record):
    """A stretch of a document's text, by offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TimeSpan(Record):
    """When something happened: an inclusive interval of days and its precision."""

    start: date
    end: date
    precision: str = "day"  # one of DATE_PRECISIONS
    text: Optional[str] = None  # the expression as written ("on Thursday")
    anchor: Optional[str] = None  # what it was resolved against ("published 2014-08-28")

    def describe(self, sep: str = "..") -> str:
        """``2014-08-28`` or ``2014-08-24..2014-08-28``."""
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()}{sep}{self.end.isoformat()}"

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"TimeSpan end {self.end} before start {self.start}")


@dataclass(frozen=True)
class Place(Record):
    """A geocoded place with its precision (UCDP ``where_prec``, see ``WHERE_PREC``)."""

    name: str
    admin1: Optional[str] = None
    country: Optional[str] = None
    country_code: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    precision: int = 1
    geonameid: Optional[int] = None
    text: Optional[str] = None  # as written in the document
    feature: Optional[str] = None  # "amphitheatre", "airbase", "village" ... when stated

    @property
    def label(self) -> str:
        """``name, admin1, country`` without repeats."""
        return ", ".join(dict.fromkeys(p for p in (self.name, self.admin1, self.country) if p))


@dataclass(frozen=True)
class Actor(Record):
    """A perpetrator (or other party), normalised through the alias list."""

    actor_id: str  # "islamic_state", "syrian_government", "unknown"
    name: str
    kind: str = "unknown"  # state | non_state | unknown
    text: Optional[str] = None  # as written


UNKNOWN_ACTOR = Actor(actor_id="unknown", name="Unknown", kind="unknown")


@dataclass(frozen=True)
class CountClaim(Record):
    """One number somebody claims about an event, with its evidence.

    ``low``/``high`` form the interval the wording allows: "at least 375" is
    (375, None), "around 250" is (225, 275) by the vague-quantity rules, "25" is
    (25, 25). ``value`` is the number as written (the point estimate).
    ``start``/``end`` are the offsets of the quote (the sentence) in the
    document; ``number_start``/``number_end`` those of the number phrase.
    """

    kind: str  # CLAIM_KINDS
    low: Optional[int]
    high: Optional[int]
    value: Optional[int]
    qualifier: str  # "exact", "at least", "more than", "around", "dozens" ...
    victim_kind: str = "unknown"  # VICTIM_KINDS
    subgroup: Optional[str] = None  # "children" / "women" when the claim counts only them
    claimant: Optional[str] = None
    claimant_kind: str = "media"
    quote: str = ""
    start: int = 0
    end: int = 0
    number_text: str = ""
    number_start: int = 0
    number_end: int = 0
    doc_id: str = ""
    claim_id: str = ""

    def __post_init__(self) -> None:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"CountClaim low {self.low} > high {self.high}")

    @property
    def is_vague(self) -> bool:
        """A word like "dozens" rather than a stated figure (see ``PRECISE_QUALIFIERS``)."""
        return self.qualifier not in PRECISE_QUALIFIERS


@dataclass(frozen=True)
class EventMention(Record):
    """One report of one event in one document."""

    mention_id: str
    doc_id: str
    event_type: str  # EVENT_TYPES
    perpetrator: Actor = UNKNOWN_ACTOR
    victim_kind: str = "unknown"
    method: Optional[str] = None  # "shot", "beheaded", "knives", "barrel bomb" ...
    claims: tuple[CountClaim, ...] = ()
    place: Optional[Place] = None
    time: Optional[TimeSpan] = None
    place_texts: tuple[TextSpan, ...] = ()  # candidate toponyms, best first (for geo)
    date_texts: tuple[TextSpan, ...] = ()  # candidate date expressions, best first (for when)
    trigger: str = ""  # the word that signalled the event ("executed")
    separate: bool = False  # the text calls it a separate incident ("in a separate attack", "on other occasions")
    quote: str = ""  # the sentence(s) the mention comes from
    start: int = 0
    end: int = 0
    extractor: str = ""  # version of the extractor that produced it
    persons: tuple[str, ...] = ()  # victims/suspects the report names, as "first last" keys (linking evidence)
    ages: tuple[int, ...] = ()  # ages of people the report describes ("a 4-year-old", "Jane Roe, 23,"): linking evidence


@dataclass(frozen=True)
class Toll(Record):
    """Reconciled deaths (or injuries) for one victim group of one event."""

    low: Optional[int]
    best: Optional[int]
    high: Optional[int]
    n_claims: int = 0

    def describe(self, dash: str = "-", nothing: str = "-") -> str:
        """``best (low-high)``, ``?`` for an unknown figure, ``nothing`` when none is known."""
        if self.best is None and self.low is None and self.high is None:
            return nothing
        lo, best, hi = ("?" if v is None else str(v) for v in (self.low, self.best, self.high))
        return f"{best} ({lo}{dash}{hi})"

    def __post_init__(self) -> None:
        vals = [v for v in (self.low, self.best, self.high) if v is not None]
        if vals != sorted(vals):
            raise ValueError(f"Toll not ordered: {self.low}/{self.best}/{self.high}")


@dataclass(frozen=True)
class Contradiction(Record):
    """Two claims about the same count that cannot both be true."""

    claim_a: str
    claim_b: str
    group: str  # "fatalities", "civilians", ...
    reason: str


@dataclass(frozen=True)
class Event(Record):
    """A real event: its mentions joined across documents and its reconciled tolls."""

    event_id: str
    event_type: str
    mentions: tuple[EventMention, ...]
    perpetrator: Actor = UNKNOWN_ACTOR
    place: Optional[Place] = None
    time: Optional[TimeSpan] = None
    fatalities: Toll = Toll(None, None, None)
    injured: Toll = Toll(None, None, None)
    victims: dict[str, Toll] = field(default_factory=dict)  # civilians, combatants, prisoners, children, women
    contradictions: tuple[Contradiction, ...] = ()
    link_reasons: tuple[str, ...] = ()
    rule: str = ""  # id of the reconciliation rule used

    @property
    def claims(self) -> tuple[CountClaim, ...]:
        return tuple(c for m in self.mentions for c in m.claims)

    @property
    def doc_ids(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for m in self.mentions:
            seen.setdefault(m.doc_id, None)
        return tuple(seen)


# ------------------------------------------------------------- (de)serialising


def claim_fields(c: CountClaim, claim_id: str, mention: EventMention) -> dict[str, Any]:
    """A claim flattened with the ids that place it (the store's ``claims`` columns and the
    claims export's fields): its evidence is its quote and offsets into its document."""
    return {
        "claim_id": claim_id,
        "mention_id": mention.mention_id,
        "doc_id": c.doc_id or mention.doc_id,
        "kind": c.kind,
        "low": c.low,
        "high": c.high,
        "value": c.value,
        "qualifier": c.qualifier,
        "victim_kind": c.victim_kind,
        "subgroup": c.subgroup,
        "claimant": c.claimant,
        "claimant_kind": c.claimant_kind,
        "quote": c.quote,
        "start": c.start,
        "end": c.end,
        "number_text": c.number_text,
        "number_start": c.number_start,
        "number_end": c.number_end,
    }



def _date(v: Any) -> Optional[date]:
    return date.fromisoformat(v) if isinstance(v, str) else v


def actor_from_dict(d: Optional[dict]) -> Actor:
    return Actor(**d) if d else UNKNOWN_ACTOR


def place_from_dict(d: Optional[dict]) -> Optional[Place]:
    return Place(**d) if d else None


def timespan_from_dict(d: Optional[dict]) -> Optional[TimeSpan]:
    if not d:
        return None
    return TimeSpan(**{**d, "start": _date(d["start"]), "end": _date(d["end"])})


def claim_from_dict(d: dict) -> CountClaim:
    return CountClaim(**d)


def mention_from_dict(d: dict) -> EventMention:
    d = dict(d)
    d["perpetrator"] = actor_from_dict(d.get("perpetrator"))
    d["place"] = place_from_dict(d.get("place"))
    d["time"] = timespan_from_dict(d.get("time"))
    d["claims"] = tuple(claim_from_dict(c) for c in d.get("claims", ()))
    d["place_texts"] = tuple(TextSpan(**t) for t in d.get("place_texts", ()))
    d["date_texts"] = tuple(TextSpan(**t) for t in d.get("date_texts", ()))
    d["persons"] = tuple(d.get("persons", ()))
    d["ages"] = tuple(d.get("ages", ()))
    return EventMention(**d)


def toll_from_dict(d: Optional[dict]) -> Toll:
    return Toll(**d) if d else Toll(None, None, None)


def event_from_dict(d: dict) -> Event:
    d = dict(d)
    d["mentions"] = tuple(mention_from_dict(m) for m in d.get("mentions", ()))
    d["perpetrator"] = actor_from_dict(d.get("perpetrator"))
    d["place"] = place_from_dict(d.get("place"))
    d["time"] = timespan_from_dict(d.get("time"))
    d["fatalities"] = toll_from_dict(d.get("fatalities"))
    d["injured"] = toll_from_dict(d.get("injured"))
    d["victims"] = {k: toll_from_dict(v) for k, v in (d.get("victims") or {}).items()}
    d["contradictions"] = tuple(Contradiction(**c) for c in d.get("contradictions", ()))
    d["link_reasons"] = tuple(d.get("link_reasons", ()))
    return Event(**d)


def document_from_dict(d: dict) -> Document:
    return Document(**d)
