"""The one place that knows the order of the stages. It never writes.

``Pipeline.extract(docs)``: Document -> EventMention (extract), each located by
``geo`` and dated by ``when``.
``Pipeline.build_events(mentions)``: EventMentions -> linked clusters (``link``) ->
reconciled ``Event``s (``reconcile``).
The CLI and web layer save what these return through ``store``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable, Mapping, Sequence

from . import extract, geo, link, reconcile, when
from .model import Document, Event, EventMention, TimeSpan, stable_id

#: How far before publication an undated event is assumed to lie, by publication precision.
UNDATED_WINDOW_DAYS = 7
#: Precision (UCDP where_prec) of a place taken from a neighbouring sentence, not the mention's own.
CONTEXT_PLACE_PRECISION = 4
#: Parse in several processes only from this many texts on (bench/throughput.py measures it).
MULTIPROCESS_MIN_DOCS = 200
#: At most this many spaCy processes by default.
MAX_PROCESSES = 2
#: How far after a narrative date ("On 24 August ... Afterwards ...") an undated sentence may lie.
NARRATIVE_WINDOW_DAYS = 30


@dataclass
class Constraints:
    """Analyst decisions the linker must obey (from the store's edits)."""

    must_link: list[tuple[str, str]] = field(default_factory=list)
    cannot_link: list[tuple[str, str]] = field(default_factory=list)


class Pipeline:
    """Holds the heavy shared resources (spaCy pipeline, gazetteer), loaded on first use."""

    def __init__(self, *, nlp=None, gazetteer=None, batch_size: int = 16, n_process: int | None = None) -> None:
        """``n_process=None`` (default): spaCy processes chosen per call by :meth:`processes_for`."""
        self._nlp = nlp
        self._gazetteer = gazetteer
        self.batch_size = batch_size
        self.n_process = n_process
        self._doc_country: tuple[str | None, str | None] = (None, None)

    def processes_for(self, n_texts: int) -> int:
        """spaCy processes for parsing ``n_texts`` texts: the fixed ``n_process`` if given, else
        ``min(MAX_PROCESSES, cpu count - 1)`` for at least ``MULTIPROCESS_MIN_DOCS`` texts, else 1.

        Starting worker processes costs seconds, and this process needs a core of its own
        for the rules: on 2 cores, 2 parse processes were slower than 1 (README, Performance).
        """
        if self.n_process is not None:
            return max(1, self.n_process)
        if n_texts < MULTIPROCESS_MIN_DOCS:
            return 1
        return max(1, min(MAX_PROCESSES, (os.cpu_count() or 1) - 1))

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = extract.load_nlp()
        return self._nlp

    @property
    def gazetteer(self):
        if self._gazetteer is None:
            self._gazetteer = geo.get_gazetteer()
        return self._gazetteer

    version = extract.EXTRACTOR_VERSION

    # ------------------------------------------------------------------ extract
    def extract(self, docs: Sequence[Document], *, progress=None) -> list[EventMention]:
        """Event mentions of ``docs``, located and dated. Irrelevant texts are never parsed."""
        relevant = [d for d in docs if extract.is_relevant(d.text)]
        out: list[EventMention] = []
        texts = (d.text for d in relevant)
        parsed_iter = self.nlp.pipe(texts, batch_size=self.batch_size, n_process=self.processes_for(len(relevant)))
        gaz = self.gazetteer
        for d, parsed in zip(relevant, parsed_iter):
            for m in extract.extract_mentions(d, parsed=parsed, is_place=gaz.is_place):
                out.append(self.locate(m, d))
            if progress is not None:
                progress(1)
        if progress is not None and len(docs) > len(relevant):
            progress(len(docs) - len(relevant))
        return out

    def locate(self, m: EventMention, doc: Document) -> EventMention:
        """Resolve a mention's place and date expressions (sentence first, then context)."""
        inside = [t for t in m.place_texts if m.start <= t.start < m.end]
        outside = [t for t in m.place_texts if not (m.start <= t.start < m.end)]
        gaz = self.gazetteer
        hint = self.document_country(doc)
        place = gaz.resolve_place(inside, text=doc.text, country_hint=hint) if inside else None
        if place is None:
            # a place borrowed from a neighbouring sentence locates the event no finer than its
            # province; the first candidate finer than a country wins
            found = [p for p in (gaz.resolve_place([c], text=doc.text, country_hint=hint) for c in outside[:12]) if p is not None]
            fine = [p for p in found if p.precision < 6]
            if found:
                place = (fine or found)[0]
                place = place.replace(precision=max(place.precision, CONTEXT_PLACE_PRECISION))
        return m.replace(place=place, time=self.date_mention(m, doc))

    def document_country(self, doc: Document) -> str | None:
        """The country a report is about, when it names one clearly more than any other
        (a Syria report that mentions "U.S. strikes" once is still about Syria)."""
        if self._doc_country[0] == doc.doc_id:
            return self._doc_country[1]
        counts = self.gazetteer.context(doc.text).countries
        hint = None
        if counts:
            (top, n), *rest = counts.most_common(2) + [(None, 0)]
            if n >= 1 and n >= 2 * rest[0][1]:
                hint = top
        self._doc_country = (doc.doc_id, hint)
        return hint

    @staticmethod
    def date_mention(m: EventMention, doc: Document) -> TimeSpan | None:
        """The mention's TimeSpan; None when its dates sit at the calendar's edge (year 1 or
        9999), where the window arithmetic would overflow: such a mention stays undated."""
        try:
            return Pipeline._date_mention(m, doc)
        except OverflowError:
            return None

    @staticmethod
    def _date_mention(m: EventMention, doc: Document) -> TimeSpan | None:
        pub = doc.published_date
        prec = doc.published_precision
        stamp = _dateline_span(doc)
        own: list[str] = []
        context: list[str] = []
        for t in m.date_texts:
            if stamp is not None and t.start < stamp[1] and t.end > stamp[0]:
                continue  # the publication stamp dates the report, not the event
            (own if m.start <= t.start < m.end else context).append(t.text)
        found = when.event_date(own, context, pub, prec, narrative_days=NARRATIVE_WINDOW_DAYS)
        if found is not None:
            return found
        if pub is None:
            return None
        if prec == "day":
            return TimeSpan(pub - timedelta(days=UNDATED_WINDOW_DAYS), pub, "week", None, f"published {pub}")
        if prec == "month":
            nxt = (pub.replace(day=28) + timedelta(days=4)).replace(day=1)
            return TimeSpan(pub, nxt - timedelta(days=1), "month", None, f"published {doc.published}")
        return TimeSpan(date(pub.year, 1, 1), date(pub.year, 12, 31), "year", None, f"published {doc.published}")

    # ------------------------------------------------------------- link/reconcile
    def build_events(
        self,
        mentions: Sequence[EventMention],
        *,
        constraints: Constraints | None = None,
        previous: Mapping[str, str] | None = None,
        origins: Mapping[str, str] | None = None,
    ) -> list[Event]:
        """Link mentions into events and reconcile each event's tolls.

        ``previous`` maps mention_id -> event_id from the last run, so an event keeps
        its id when new reports join it (the id of the old event sharing most mentions).
        ``origins`` maps doc_id -> origin_id (near-duplicate groups, ``deathtoll.neardup``):
        a figure repeated by copies of one wire story counts once in the median.
        """
        constraints = constraints or Constraints()
        previous = previous or {}
        by_id = {m.mention_id: m for m in mentions}
        clusters = link.link_mentions(
            mentions, must_link=constraints.must_link, cannot_link=constraints.cannot_link
        )
        events: list[Event] = []
        used: set[str] = set()
        # bigger clusters claim their old id first
        for c in sorted(clusters, key=lambda c: (-len(c.mention_ids), c.mention_ids)):
            ms = [by_id[i] for i in c.mention_ids]
            event_id = _carry_id(c.mention_ids, previous, used) or stable_id("ev-", min(c.mention_ids))
            used.add(event_id)
            rec = reconcile.reconcile(ms, origins=origins)
            rep = reconcile.representative(ms)
            events.append(
                Event(
                    event_id=event_id,
                    event_type=rep.event_type,
                    mentions=tuple(ms),
                    perpetrator=rep.perpetrator,
                    place=rep.place,
                    time=rep.time,
                    fatalities=rec.fatalities,
                    injured=rec.injured,
                    victims=dict(rec.victims),
                    contradictions=tuple(rec.contradictions),
                    link_reasons=tuple(c.reasons),
                    rule=rec.rule,
                )
            )
        events.sort(key=lambda e: (e.time.start if e.time else date.min, e.event_id), reverse=True)
        return events


def _dateline_span(doc: Document) -> tuple[int, int] | None:
    """Where the dateline that gave the publication date sits in the text (ingest records
    its wording in ``meta["dateline"]``), or None."""
    stamp = doc.meta.get("dateline") if doc.meta.get("published_from") == "dateline" else None
    if not isinstance(stamp, str) or not stamp:
        return None
    at = doc.text.find(stamp, 0, 1000)
    return (at, at + len(stamp)) if at >= 0 else None


def _carry_id(mention_ids: Iterable[str], previous: Mapping[str, str], used: set[str]) -> str | None:
    votes: dict[str, int] = {}
    for mid in mention_ids:
        eid = previous.get(mid)
        if eid and eid not in used:
            votes[eid] = votes.get(eid, 0) + 1
    if not votes:
        return None
    return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
