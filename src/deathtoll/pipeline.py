"""The one place that knows the order of the stages. It never writes.

``Pipeline.extract(docs)``: Document -> EventMention (extract), each located by
``geo`` and dated by ``when``.
``Pipeline.build_events(mentions)``: EventMentions -> linked clusters (``link``) ->
reconciled ``Event``s (``reconcile``).
The CLI and web layer save what these return through ``store``.
"""

from __future__ import annotations

import multiprocessing
import re
import os
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable, Mapping, Sequence

from . import extract, geo, link, reconcile, when
from .gcpause import gc_paused
from .model import Document, Event, EventMention, Place, TextSpan, TimeSpan, stable_id

#: How far before publication an undated event is assumed to lie, by publication precision.
UNDATED_WINDOW_DAYS = 7
#: Precision (UCDP where_prec) of a place taken from a neighbouring sentence, not the mention's own.
CONTEXT_PLACE_PRECISION = 4
#: A mention starting within this many characters past the headline's length is in the
#: report's lead (dateline, headline and first sentence), which tells the headline's incident.
LEAD_CHARS = 250
#: Documents a worker process extracts per task (parse + rules + geo + dates).
WORKER_CHUNK = 24
#: Extract in worker processes only from this many relevant documents on: below it,
#: forking and sending results back cost more than they save.
MULTIPROCESS_MIN_DOCS = 48
#: How far after a narrative date ("On 24 August ... Afterwards ...") an undated sentence may lie.
NARRATIVE_WINDOW_DAYS = 30


@dataclass
class Constraints:
    """Analyst decisions the linker must obey (from the store's edits)."""

    must_link: list[tuple[str, str]] = field(default_factory=list)
    cannot_link: list[tuple[str, str]] = field(default_factory=list)


class Pipeline:
    """Holds the heavy shared resources (spaCy pipeline, gazetteer), loaded on first use."""

    def __init__(
        self,
        *,
        nlp=None,
        gazetteer=None,
        batch_size: int = 16,
        n_process: int | None = None,
        focus: extract.FocusRules | None = extract.FocusRules(),
    ) -> None:
        """``n_process=None`` (default): worker processes chosen per call by :meth:`processes_for`.
        ``focus``: which sentences of a relevant text are parsed (``extract.focus``);
        None parses whole texts (slower: bench/throughput.py compares)."""
        self.focus = focus
        self._nlp = nlp
        self._gazetteer = gazetteer
        self.batch_size = batch_size
        self.n_process = n_process
        self._doc_country: tuple[str | None, str | None] = (None, None)
        self._headline: tuple[tuple[str, str] | None, Place | None] = (None, None)
        self._resolved: tuple[str | None, dict[tuple, Place | None]] = (None, {})

    def processes_for(self, n_texts: int) -> int:
        """Worker processes for extracting ``n_texts`` relevant documents: the fixed
        ``n_process`` if given, else every core (``os.cpu_count()``) once there are at least
        ``MULTIPROCESS_MIN_DOCS`` texts, else 1 (extract in this process)."""
        if self.n_process is not None:
            return max(1, self.n_process)
        if n_texts < MULTIPROCESS_MIN_DOCS:
            return 1
        return max(1, min(os.cpu_count() or 1, -(-n_texts // WORKER_CHUNK)))

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
        """Event mentions of ``docs``, located and dated, in document order. Irrelevant texts
        are never parsed; relevant ones are spread over :meth:`processes_for` worker processes,
        each parsing, extracting, locating and dating whole documents (only the mentions,
        small records, travel back)."""
        relevant = [d for d in docs if extract.is_relevant(d.text)]
        if progress is not None and len(docs) > len(relevant):
            progress(len(docs) - len(relevant))
        workers = self.processes_for(len(relevant))
        if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            return self._extract_here(relevant, progress=progress)
        # load the heavy resources once, before forking: workers share them copy-on-write
        self.nlp, self.gazetteer, extract.load_lexicon()
        chunks = [relevant[i : i + WORKER_CHUNK] for i in range(0, len(relevant), WORKER_CHUNK)]
        global _WORKER_PIPELINE
        _WORKER_PIPELINE = self
        out: list[EventMention] = []
        try:
            # the collector is paused only here, after the workers were forked (they keep it
            # on): this process unpickles every mention, and its full passes would take CPU
            # from the workers
            with multiprocessing.get_context("fork").Pool(workers) as pool, gc_paused():
                for n_docs, found in pool.imap(_extract_chunk, chunks):
                    out.extend(found)
                    if progress is not None:
                        progress(n_docs)
        finally:
            _WORKER_PIPELINE = None
        return out

    def _extract_here(self, relevant: Sequence[Document], *, progress=None) -> list[EventMention]:
        """Extract ``relevant`` documents in this process (batched parse)."""
        out: list[EventMention] = []
        texts = (extract.focus(d.text, self.focus) if self.focus is not None else d.text for d in relevant)
        parsed_iter = self.nlp.pipe(texts, batch_size=self.batch_size)
        gaz = self.gazetteer
        for d, parsed in zip(relevant, parsed_iter):
            for m in extract.extract_mentions(d, parsed=parsed, is_place=gaz.is_place):
                out.append(self.locate(m, d))
            if progress is not None:
                progress(1)
        return out

    def locate(self, m: EventMention, doc: Document) -> EventMention:
        """Resolve a mention's place and date expressions (sentence first, then context)."""
        inside = [t for t in m.place_texts if m.start <= t.start < m.end]
        outside = [t for t in m.place_texts if not (m.start <= t.start < m.end)]
        gaz = self.gazetteer
        hint = self.document_country(doc, m.persons)
        if len(inside) > 1 and hint:
            inside = self._clause_places(m, inside, doc, hint)
        place = gaz.resolve_place(inside, text=doc.text, country_hint=hint) if inside else None
        # a place abroad in a report about one country is most often the dateline or where
        # someone spoke ("Beirut", "said in New York"): a place inside the country around it wins
        abroad = place is not None and hint is not None and place.country_code not in (None, hint)
        if (place is None or place.precision >= 6 or abroad) and hint and doc.title \
                and m.start < len(doc.title) + LEAD_CHARS:
            # the lead tells the headline's incident, and a headline that places it in so many
            # words ("... in Syria's Hama") beats a place borrowed from a background sentence
            head = self._headline_place(doc, hint)
            if head is not None and gaz.in_country_possessive(doc.title, head.text):
                place = head.replace(precision=max(head.precision, CONTEXT_PLACE_PRECISION))
        abroad = place is not None and hint is not None and place.country_code not in (None, hint)
        if place is None or place.precision >= 6 or abroad:
            # a place borrowed from a neighbouring sentence locates the event no finer than its
            # province; the first candidate finer than a country wins (when the sentence itself
            # names only a country, only a finer place inside the report's country replaces it:
            # "Russian strikes in Syria", "near the border with Turkey" in a report on Idlib)
            found = [p for p in (self._resolve_one(c, doc, hint) for c in outside[:12]) if p is not None]
            want = None if place is None else (hint or place.country_code)
            fine = [p for p in found if p.precision < 6 and want in (None, p.country_code)]
            if found and (place is None or fine):
                place = (fine or found)[0]
                place = place.replace(precision=max(place.precision, CONTEXT_PLACE_PRECISION))
        abroad = place is not None and hint is not None and place.country_code not in (None, hint)
        want = hint or (place.country_code if place is not None else None)
        if (place is None or place.precision >= 6 or abroad) and doc.title and want:
            # still no finer place than the country: the headline's, inside that country
            head = self._headline_place(doc, want)
            if head is not None:
                place = head.replace(precision=max(head.precision, CONTEXT_PLACE_PRECISION))
        abroad = place is not None and hint is not None and place.country_code not in (None, hint)
        if (place is None or place.precision >= 6 or abroad) and want:
            # the report's province, named clearly more often than any other, over the country
            # or over a place abroad ("the Security Council in New York" in a report on Syria)
            place = gaz.document_admin1(doc.text, want, named=abroad) or place
        return m.replace(place=place, time=self.date_mention(m, doc))

    def _clause_places(self, m: EventMention, inside: list[TextSpan], doc: Document, hint: str) -> list[TextSpan]:
        """The candidates of a sentence that names places in two or more provinces of the
        report's country ("Foils Attack in Daraa, Kills 50 Gunmen in Lattakia", "28 Killed in
        Idleb, Army Regains Towns in Hamah"): each place belongs to the death figure written
        nearest to it (English puts where after whom: "kills 50 gunmen in X", so a place
        before a figure counts 10 characters farther); the deaths are where the largest
        figure's nearest place is (the earliest such figure with a place of its own).
        Reference points ("west of Damascus", "near Idlib"), a place the figure's own
        phrase names ("a Chicago man") and one after "from" (where the shells came from)
        make the conflict but never settle it."""
        deaths = [c for c in m.claims if c.kind == "killed" and c.number_end > c.number_start]
        if not deaths:
            return inside
        text = doc.text
        # each candidate's province in the report's country (None elsewhere or unknown)
        province = {}
        for t in inside:
            p = self._resolve_one(t, doc, hint)
            province[id(t)] = p if p is not None and p.country_code == hint and p.admin1 else None
        if len({p.admin1 for p in province.values() if p is not None}) < 2:
            return inside
        candidates = []
        for t in inside:
            if not (0 <= t.start < t.end <= len(text) and t.text == text[t.start:t.end]):
                continue  # "near X", "X countryside" as rewritten: a reference point
            if any(c.number_start <= t.start < c.number_end for c in deaths):
                continue  # inside a figure's phrase: the victims' home
            if geo.reference_point_before(text[max(0, t.start - 40) : t.start]):
                continue
            if province[id(t)] is not None:
                candidates.append((t, province[id(t)]))
        if not candidates:
            return inside

        def distance(t: TextSpan, c) -> int:
            if t.start >= c.number_end:
                return t.start - c.number_end
            digits = re.search(r"\S+$", text[c.number_start : c.number_end])  # "at least 50": from "50"
            return c.number_start + (digits.start() if digits else 0) - t.end + 10

        owned: dict[int, list[tuple[int, int, str]]] = {}
        for t, p in candidates:
            k = min(range(len(deaths)), key=lambda i: (distance(t, deaths[i]), i))
            owned.setdefault(k, []).append((distance(t, deaths[k]), t.start, p.admin1 or ""))
        order = sorted(owned, key=lambda i: (-(deaths[i].value or deaths[i].low or 0), deaths[i].number_start))
        chosen = min(owned[order[0]])[2]
        kept = [t for t in inside if (p := self._resolve_one(t, doc, hint)) is not None and p.admin1 == chosen]
        return kept or inside

    def _resolve_one(self, candidate: TextSpan, doc: Document, hint: str | None) -> Place | None:
        """``Gazetteer.resolve_place([candidate])`` in ``doc``, read once per document: every
        mention of a report looks through the same neighbouring place names."""
        if self._resolved[0] != doc.doc_id:
            self._resolved = (doc.doc_id, {})
        key = (candidate.start, candidate.end, candidate.text, hint)
        cache = self._resolved[1]
        if key not in cache:
            cache[key] = self.gazetteer.resolve_place([candidate], text=doc.text, country_hint=hint)
        return cache[key]

    def _headline_place(self, doc: Document, country_code: str) -> Place | None:
        """``Gazetteer.headline_place`` of ``doc``'s title, read once per document and country."""
        key = (doc.doc_id, country_code)
        if self._headline[0] != key:
            self._headline = (key, self.gazetteer.headline_place(doc.title or "", country_code, doc.source))
        return self._headline[1]

    def document_country(self, doc: Document, persons: Sequence[str] = ()) -> str | None:
        """The country a report is about, when it names one clearly more than any other
        (a Syria report that mentions "U.S. strikes" once is still about Syria).

        ``persons``: the "first last" keys of people the report names; their words alone are
        no place cues ("Michael" is a parish of the Isle of Man, "Jordan" a country,
        "Mendoza" an Argentine province: in a US report they are a victim's or suspect's name)."""
        if self._doc_country[0] == doc.doc_id:
            return self._doc_country[1]
        # "Syrias Aleppo" tagged as a person is a place phrase: its words stay place cues
        gaz = self.gazetteer
        not_places = frozenset(w for p in persons if not any(map(gaz.is_country_possessive, p.split()[:1]))
                               for w in p.split())
        counts = self.gazetteer.context(doc.text, not_places=not_places).countries
        hint = None
        if counts:
            (top, n), *rest = counts.most_common(2) + [(None, 0)]
            if n >= 0.5 and n >= 2 * rest[0][1]:  # one big city or demonym (0.5) alone counts
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
            event_id = _carry_id(c.mention_ids, previous, used) or _fresh_id(c.mention_ids, used)
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


#: The pipeline a forked worker process uses (set in the parent just before forking).
_WORKER_PIPELINE: Pipeline | None = None


def _extract_chunk(docs: list[Document]) -> tuple[int, list[EventMention]]:
    """Worker task: the located, dated mentions of ``docs``."""
    assert _WORKER_PIPELINE is not None, "worker started without a pipeline"
    return len(docs), _WORKER_PIPELINE._extract_here(docs)


def _dateline_span(doc: Document) -> tuple[int, int] | None:
    """Where the dateline that gave the publication date sits in the text (ingest records
    its wording in ``meta["dateline"]``), or None."""
    stamp = doc.meta.get("dateline") if doc.meta.get("published_from") == "dateline" else None
    if not isinstance(stamp, str) or not stamp:
        return None
    at = doc.text.find(stamp, 0, 1000)
    return (at, at + len(stamp)) if at >= 0 else None


def _fresh_id(mention_ids: Sequence[str], used: set[str]) -> str:
    """A new event's id: from its first mention id, unless an event of this run already
    holds that id (a re-link can hand an old event's id, made from the same first
    mention, to another cluster); then from its next mention ids, then from the first
    one numbered ("m-1#2", "m-1#3", ...) until one is free."""
    ids = sorted(mention_ids)
    for mid in ids:
        eid = stable_id("ev-", mid)
        if eid not in used:
            return eid
    k = 2
    while (eid := stable_id("ev-", f"{ids[0]}#{k}")) in used:
        k += 1
    return eid


def _carry_id(mention_ids: Iterable[str], previous: Mapping[str, str], used: set[str]) -> str | None:
    votes: dict[str, int] = {}
    for mid in mention_ids:
        eid = previous.get(mid)
        if eid and eid not in used:
            votes[eid] = votes.get(eid, 0) + 1
    if not votes:
        return None
    return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
