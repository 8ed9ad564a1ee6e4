"""What the pages and the API show: filters, event summaries, claim rows, highlights, map, timeline.

Pure functions over model records (no HTTP, no SQL); the views render their results
with Jinja (autoescape on), the API returns them as JSON.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Mapping, Optional, Sequence

from ..model import Document, Event, EventMention, Toll
from ..review import ReviewError, confirmed_ids, iter_claims, needs_review

#: Columns the events list can be sorted by → key function.
SORTS = {
    "date": lambda e: (e.time.start if e.time else date.min),
    "deaths": lambda e: _toll_key(e.fatalities),
    "place": lambda e: (e.place.country or "", e.place.name) if e.place else ("", ""),
    "type": lambda e: e.event_type,
    "perpetrator": lambda e: e.perpetrator.name,
    "documents": lambda e: len(e.doc_ids),
}
#: Characters of document text shown either side of a quote.
CONTEXT_CHARS = 240
MAP_W, MAP_H = 960, 480


def _toll_key(t: Toll) -> int:
    return t.best if t.best is not None else (t.low if t.low is not None else -1)


# ------------------------------------------------------------------ filters


@dataclass
class Filters:
    """The events-list filters, from query parameters."""

    since: Optional[str] = None
    until: Optional[str] = None
    country: Optional[str] = None
    admin1: Optional[str] = None
    perpetrator: Optional[str] = None
    type: Optional[str] = None
    min_deaths: Optional[int] = None
    needs_review: bool = False
    sort: str = "date"
    order: str = "desc"

    @classmethod
    def from_params(cls, q: Mapping[str, str]) -> "Filters":
        """Parse query parameters; a bad value raises ``ReviewError`` (shown to the user)."""
        f = cls()
        for k in ("since", "until"):
            v = (q.get(k) or "").strip()
            if v:
                try:
                    date.fromisoformat(v)
                except ValueError as e:
                    raise ReviewError(f"{k}: expected YYYY-MM-DD, got {v!r}") from e
                setattr(f, k, v)
        for k in ("country", "admin1", "perpetrator", "type"):
            setattr(f, k, (q.get(k) or "").strip() or None)
        md = (q.get("min_deaths") or "").strip()
        if md:
            try:
                f.min_deaths = int(md)
            except ValueError as e:
                raise ReviewError(f"min_deaths: expected a whole number, got {md!r}") from e
        f.needs_review = (q.get("needs_review") or "").lower() in ("1", "true", "on", "yes")
        f.sort = q.get("sort") if q.get("sort") in SORTS else "date"
        f.order = "asc" if q.get("order") == "asc" else "desc"
        return f

    def store_kwargs(self) -> dict[str, Any]:
        """The filters ``Store.events`` understands."""
        kw = {"since": self.since, "until": self.until, "country": self.country, "admin1": self.admin1,
              "perpetrator": self.perpetrator, "event_type": self.type, "min_deaths": self.min_deaths}
        return {k: v for k, v in kw.items() if v is not None}

    def params(self, **override: Any) -> dict[str, str]:
        """Query parameters reproducing these filters (for links), with ``override``."""
        d = {k: getattr(self, k) for k in ("since", "until", "country", "admin1", "perpetrator", "type",
                                           "min_deaths", "sort", "order")}
        d["needs_review"] = "1" if self.needs_review else None
        d.update(override)
        return {k: str(v) for k, v in d.items() if v not in (None, "")}


def select_events(events: Sequence[Event], edits: Iterable[Any], f: Filters) -> tuple[list[Event], set[str]]:
    """Apply the needs-review filter and the sort; returns the events and the confirmed ids."""
    confirmed = confirmed_ids(events, edits)
    out = [e for e in events if not f.needs_review or needs_review(e, confirmed)]
    out.sort(key=lambda e: (SORTS[f.sort](e), e.event_id), reverse=f.order == "desc")
    return out, confirmed


# ------------------------------------------------------------------ records → dicts


def toll_dict(t: Toll) -> dict[str, Any]:
    return {"low": t.low, "best": t.best, "high": t.high, "n_claims": t.n_claims}


def fmt_toll(t: Toll) -> str:
    """``best (low–high)``, ``?`` for open ends, ``–`` when nothing is known."""
    return t.describe(dash="–", nothing="–")


def fmt_date(e: Event) -> str:
    return e.time.describe(sep=" – ") if e.time else "?"


def fmt_place(e: Event) -> str:
    return e.place.label if e.place else "?"



def event_summary(e: Event, confirmed: set[str]) -> dict[str, Any]:
    """One row of the events list (also ``GET /api/events``)."""
    return {
        "event_id": e.event_id, "event_type": e.event_type,
        "perpetrator": e.perpetrator.to_dict(),
        "place": e.place.to_dict() if e.place else None,
        "date_start": e.time.start.isoformat() if e.time else None,
        "date_end": e.time.end.isoformat() if e.time else None,
        "date_precision": e.time.precision if e.time else None,
        "fatalities": toll_dict(e.fatalities), "injured": toll_dict(e.injured),
        "n_documents": len(e.doc_ids), "n_mentions": len(e.mentions), "n_claims": len(e.claims),
        "n_contradictions": len(e.contradictions),
        "confirmed": e.event_id in confirmed, "needs_review": needs_review(e, confirmed), "rule": e.rule,
        # preformatted for the page
        "date_text": fmt_date(e), "place_text": fmt_place(e), "deaths_text": fmt_toll(e.fatalities),
    }


def edit_dict(ed: Any) -> dict[str, Any]:
    return {"edit_id": ed.edit_id, "created_at": ed.created_at, "user": ed.user, "action": ed.action,
            "target": ed.target, "payload": ed.payload, "undone_at": ed.undone_at,
            "before": json.dumps(ed.payload.get("before"), ensure_ascii=False),
            "after": json.dumps(ed.payload.get("after"), ensure_ascii=False)}


def edits_about(event: Event, raw_mentions: Sequence[EventMention], edits: Iterable[Any]) -> list[Any]:
    """The edits that concern ``event``: on it, its mentions or its claims (undone ones too)."""
    mids = {m.mention_id for m in raw_mentions} | {m.mention_id for m in event.mentions}
    cids = {cid for m in raw_mentions for cid, _, _ in iter_claims(Event("x", "x", (m,)))}
    out = []
    for ed in edits:
        p = ed.payload or {}
        if (ed.target == event.event_id or ed.target in mids or ed.target in cids
                or p.get("event_id") == event.event_id or event.event_id in p.get("event_ids", ())
                or mids & set(p.get("mention_ids", ()))):
            out.append(ed)
    return out


def claim_rows(event: Event, raw_mentions: Sequence[EventMention], docs: Mapping[str, Document],
               edits: Iterable[Any]) -> list[dict[str, Any]]:
    """Every claim of the event as extracted, with its status after the analyst's edits.

    ``raw_mentions`` are the stored mentions (before edits), so excluded claims still show.
    """
    active = [ed for ed in edits if ed.undone_at is None]
    excluded = {ed.target: ed.payload.get("reason", "") for ed in active if ed.action == "exclude_claim"}
    corrected = {ed.target: ed.payload.get("after") for ed in active
                 if ed.action == "correct" and ed.payload.get("field") == "number"}
    contra: dict[str, list[str]] = {}
    for c in event.contradictions:
        for cid in (c.claim_a, c.claim_b):
            contra.setdefault(cid, []).append(f"{c.group}: {c.reason}")
    rows = []
    for m in raw_mentions:
        for cid, _, c in iter_claims(Event("x", "x", (m,))):
            d = docs.get(c.doc_id or m.doc_id)
            rows.append({
                "claim_id": cid, "mention_id": m.mention_id, "doc_id": m.doc_id, "kind": c.kind,
                "value": c.value, "low": c.low, "high": c.high, "qualifier": c.qualifier,
                "number_text": c.number_text, "victim_kind": c.victim_kind, "subgroup": c.subgroup,
                "claimant": c.claimant, "claimant_kind": c.claimant_kind, "quote": c.quote,
                "start": c.start, "end": c.end,
                "source": d.source if d else None, "title": d.title if d else None,
                "published": d.published if d else None, "url": d.url if d else None,
                "excluded": cid in excluded, "exclude_reason": excluded.get(cid),
                "corrected": corrected.get(cid), "contradictions": contra.get(cid, []),
                "context": claim_context(d.text, c) if d else [],
            })
    return rows


# ------------------------------------------------------------------ highlighting


def segments(text: str, spans: Iterable[tuple[int, int, str]], lo: int = 0, hi: Optional[int] = None
             ) -> list[dict[str, Any]]:
    """Cut ``text[lo:hi]`` into pieces, each with the classes of the spans covering it.

    Templates print each piece escaped inside ``<mark class=...>`` (or bare when it has no
    class), so document text is never trusted as HTML.
    """
    hi = len(text) if hi is None else min(hi, len(text))
    lo = max(0, lo)
    spans = [(max(s, lo), min(e, hi), cls) for s, e, cls in spans if e > lo and s < hi and e > s]
    cuts = sorted({lo, hi, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        classes = sorted({cls for s, e, cls in spans if s <= a and b <= e})
        out.append({"text": text[a:b], "cls": " ".join(classes)})
    return out


def claim_context(text: str, claim: Any, chars: int = CONTEXT_CHARS) -> list[dict[str, Any]]:
    """The quote in a window of its document, quote and number highlighted."""
    lo, hi = max(0, claim.start - chars), min(len(text), claim.end + chars)
    pieces = segments(text, [(claim.start, claim.end, "quote"), (claim.number_start, claim.number_end, "number")],
                      lo, hi)
    if lo > 0:
        pieces.insert(0, {"text": "…", "cls": "gap"})
    if hi < len(text):
        pieces.append({"text": "…", "cls": "gap"})
    return pieces


def document_segments(doc: Document, mentions: Sequence[EventMention]) -> list[dict[str, Any]]:
    """The whole document, its mentions and their numbers highlighted."""
    spans: list[tuple[int, int, str]] = []
    for m in mentions:
        spans.append((m.start, m.end, "mention"))
        for c in m.claims:
            spans.append((c.number_start, c.number_end, "number"))
    return segments(doc.text, spans)


# ------------------------------------------------------------------ map


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular projection onto the ``MAP_W`` × ``MAP_H`` SVG canvas."""
    return round((lon + 180.0) * MAP_W / 360.0, 1), round((90.0 - lat) * MAP_H / 180.0, 1)


@lru_cache(maxsize=1)
def world_outline() -> str:
    """SVG path data of the country borders (Natural Earth 1:110m via the world-atlas TopoJSON)."""
    raw = resources.files("deathtoll.web").joinpath("static/countries-110m.json").read_text(encoding="utf-8")
    topo = json.loads(raw)
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    parts = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:  # delta-encoded quantized positions
            x, y = x + dx, y + dy
            pts.append(project(x * sx + tx, y * sy + ty))
        cmd = "M"
        for i, (px, py) in enumerate(pts):
            if i and abs(px - pts[i - 1][0]) > MAP_W / 2:  # wraps around the antimeridian
                cmd = "M"
            parts.append(f"{cmd}{px:g} {py:g}")
            cmd = "L"
    return "".join(parts)


def map_points(events: Iterable[Event]) -> list[dict[str, Any]]:
    """One circle per located event: position, radius by deaths, label."""
    out = []
    for e in events:
        if not e.place or e.place.lat is None or e.place.lon is None:
            continue
        x, y = project(e.place.lon, e.place.lat)
        deaths = max(_toll_key(e.fatalities), 0)
        out.append({"x": x, "y": y, "r": round(3 + 1.5 * math.sqrt(deaths), 1), "event_id": e.event_id,
                    "label": f"{fmt_date(e)} {fmt_place(e)}: {fmt_toll(e.fatalities)} deaths ({e.event_type})"})
    return sorted(out, key=lambda p: -p["r"])  # small circles on top


# ------------------------------------------------------------------ timeline


def weekly_deaths(events: Iterable[Event], *, max_weeks: int = 520) -> list[dict[str, Any]]:
    """Deaths (best, else low) per ISO week of the event's start, gaps filled with zero."""
    sums: dict[date, int] = {}
    counts: dict[date, int] = {}
    for e in events:
        if e.time is None:
            continue
        wk = e.time.start - timedelta(days=e.time.start.weekday())
        sums[wk] = sums.get(wk, 0) + max(_toll_key(e.fatalities), 0)
        counts[wk] = counts.get(wk, 0) + 1
    if not sums:
        return []
    first, last = min(sums), max(sums)
    if (last - first).days // 7 >= max_weeks:
        first = last - timedelta(weeks=max_weeks - 1)
    weeks, wk = [], first
    while wk <= last:
        weeks.append({"week": wk.isoformat(), "deaths": sums.get(wk, 0), "events": counts.get(wk, 0)})
        wk += timedelta(weeks=1)
    return weeks


def timeline_bars(weeks: list[dict[str, Any]], width: int = MAP_W, height: int = 240) -> dict[str, Any]:
    """Bar geometry for the SVG chart of ``weekly_deaths``."""
    if not weeks:
        return {"bars": [], "width": width, "height": height, "max": 0}
    top = max(w["deaths"] for w in weeks) or 1
    bw = width / len(weeks)
    bars = []
    for i, w in enumerate(weeks):
        h = round((height - 20) * w["deaths"] / top, 1)
        bars.append({**w, "x": round(i * bw, 1), "w": round(max(bw - 1, 1), 1), "h": h, "y": round(height - h, 1)})
    return {"bars": bars, "width": width, "height": height, "max": top}
