"""The extractor's domain knowledge, loaded once from ``resources/*.json``.

Nothing here is hard-coded vocabulary: every list comes from a data file
(``actors.json``, ``victims.json``, ``events.json``, ``claimants.json``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .. import resources
from ..model import Actor
from .counts import _alt


def _phrase_regex(phrases, *, case_sensitive: bool = False) -> re.Pattern[str] | None:
    """One alternation regex matching any phrase on word boundaries, longest first."""
    items = {p.strip() if case_sensitive else p.strip().lower() for p in phrases if p.strip()}
    if not items:
        return None
    # a character trie: the regex engine follows one branch per letter instead of trying
    # hundreds of aliases at every position; a greedy trie still prefers the longest phrase
    return re.compile(rf"(?<![\w-])(?:{_trie_regex(items)})(?![\w-])", 0 if case_sensitive else re.IGNORECASE)


#: English inflection endings a trigger may carry in running text (kill-ed, execut-ion,
#: kidnap-p-ed, hospitaliz-ation, abduct-ees): the prefilter matches whole words only, so
#: "executive", "stable", "critics" or "left" no longer let an article through.
_INFLECTION = r"(?:e|es|s|ed|d|ing|ings|ion|ions|ies|ied|er|ers|ee|ees|ation|ations|ance|ances|dom|[bdgnpt](?:ed|ing|ings|er|ers))?"


def _trie_regex(words) -> str:
    """An alternation of literal ``words`` as a character trie ("kill|kidnap" -> "ki(?:ll|dnap)"):
    the regex engine then tries one branch per letter instead of every word at every word start."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else "(?:" + "|".join(branches) + ")"
        return body + "?" if end else body

    return emit(trie)


def _prefilter_regex(trigger_words) -> re.Pattern[str]:
    """Whole-word forms of every trigger, for the cheap relevance prefilter.

    A single word matches with any ending of ``_INFLECTION`` (also after dropping a final
    e/y, "massacr-ed", "injur-ies"; "die" also as "dying"). A phrase whose later word is
    itself a trigger ("left dead", "fatally shot") is covered by that word; any other
    phrase ("gun down", "claim the lives") matches its first word's forms followed, within
    two words, by the start of each later word ("gunned them down", "claimed the lives").
    """
    single = {w for w in trigger_words if " " not in w}
    words: set[str] = set()
    phrases: set[str] = set()
    for w in trigger_words:
        parts = w.split()
        stem = parts[0][:-1] if len(parts[0]) > 3 and parts[0].endswith(("e", "y")) else parts[0]
        if len(parts) == 1:
            words.update({w.lower(), stem.lower()})
            if w.endswith("ie"):
                words.add(w[:-2].lower() + "ying")
        elif not any(p in single for p in parts[1:]):
            phrases.add(re.escape(stem) + r"\w*" + "".join(r"\W+(?:\w+\W+){0,2}?" + re.escape(p[:3]) + r"\w*" for p in parts[1:]))
    alts = ["(?:" + _trie_regex(words) + ")" + _INFLECTION] + sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.IGNORECASE)


def composed_aliases(spec: dict) -> list[tuple[str, str, bool]]:
    """(alias, actor id, case-sensitive) for every modifier x noun pair of ``actors.json``'s
    ``composed_aliases`` ("regime" + "raids", "Russian" + "air strike", "US" + "strikes").

    A modifier also counts in its possessive forms ("coalition's strikes", and
    "coalitions strikes" as text that lost its apostrophes writes it)."""
    nouns = {k: v for k, v in spec.get("nouns", {}).items() if not k.startswith("_")}
    out: list[tuple[str, str, bool]] = []
    for aid, entry in spec.get("actors", {}).items():
        for key, cs in (("modifiers", False), ("modifiers_cs", True)):
            for mod in entry.get(key, []):
                forms = {mod}
                if not mod.endswith(("s", "'", "'s", ".")):
                    forms |= {mod + "'s", mod + "’s", mod + "s"}
                for form in forms:
                    for group in entry.get("nouns", []):
                        for n in nouns.get(group, []):
                            out.append((f"{form} {n}" if cs else f"{form} {n}".lower(), aid, cs))
    return out


@dataclass(frozen=True)
class ActorEntry:
    actor: Actor
    aliases: tuple[str, ...]


@dataclass
class Lexicon:
    """Compiled lookups over the resource files."""

    actors: dict[str, Actor]
    actor_by_alias: dict[str, str]  # lower-cased alias -> actor id
    actor_by_alias_cs: dict[str, str]  # case-sensitive alias -> actor id
    actor_regex: re.Pattern[str] | None
    actor_regex_cs: re.Pattern[str] | None
    generic_refs: frozenset[str]
    person_nouns: frozenset[str]
    victim_kind_of: dict[str, str]  # word -> civilian|combatant|prisoner
    prisoner_cues: frozenset[str]
    subgroup_of: dict[str, str]
    execution_prisoners: bool
    trigger_kind: dict[str, str]  # lemma/word -> claim kind
    trigger_regex: re.Pattern[str]
    type_priority: tuple[str, ...]
    type_regex: dict[str, re.Pattern[str]]
    type_default: dict[str, str]
    method_regex: re.Pattern[str] | None
    methods: dict[str, str]
    background_regex: re.Pattern[str] | None
    not_background_regex: re.Pattern[str] | None  # "a day after ...": a date, not a rate
    of_only_triggers: frozenset[str]  # noun triggers that count only their "of" complement
    negation_regex: re.Pattern[str] | None
    hypothetical_regex: re.Pattern[str] | None
    hypothetical_aux: frozenset[str]
    reporting_verbs: frozenset[str]
    claimant_kind_regex: dict[str, re.Pattern[str]]
    claimant_order: tuple[str, ...]
    not_counts: frozenset[str]
    civilian_event_types: frozenset[str]
    generic_people: frozenset[str]
    separate_regex: re.Pattern[str] | None
    multiword_triggers: tuple[tuple[tuple[str, ...], str], ...]  # (lemmas, kind), longest first
    not_victim_after: re.Pattern[str] | None
    target_before: re.Pattern[str] | None
    target_after: re.Pattern[str] | None
    document_actor_types: frozenset[str] = frozenset()  # attacks credited to the document's main armed party
    document_actor_excluded: frozenset[str] = frozenset()
    life_taking_verbs: frozenset[str] = frozenset()  # "claiming three lives": its "lives" are the dead
    # victims.json rules.bare_figures: types whose bare figures are civilians, types where they are
    # only when a place people live in was hit and no military target or fighters are named
    bare_count_types: frozenset[str] = frozenset()
    bare_count_targeted_types: frozenset[str] = frozenset()
    civilian_place_regex: re.Pattern[str] | None = None
    military_target_regex: re.Pattern[str] | None = None

    @cached_property
    def multiword_by_first(self) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
        """``multiword_triggers`` grouped by their first word (order kept), so a sentence
        is matched word by word instead of phrase by phrase."""
        out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, kind in self.multiword_triggers:
            out.setdefault(phrase[0], []).append((phrase, kind))
        return {k: tuple(v) for k, v in out.items()}

    def actor_for_alias(self, text: str) -> Actor | None:
        aid = self.actor_by_alias_cs.get(text) or self.actor_by_alias.get(text.lower())
        return self.actors.get(aid) if aid else None

    def find_actors(self, text: str) -> list[tuple[int, int, Actor]]:
        """All actor aliases in ``text``: (start, end, Actor), in order."""
        found: list[tuple[int, int, Actor]] = []
        for rx, table, fold in (
            (self.actor_regex, self.actor_by_alias, True),
            (self.actor_regex_cs, self.actor_by_alias_cs, False),
        ):
            if rx is None:
                continue
            for m in rx.finditer(text):
                key = m.group(0).lower() if fold else m.group(0)
                aid = table.get(key)
                if aid:
                    found.append((m.start(), m.end(), self.actors[aid]))
        found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
        out: list[tuple[int, int, Actor]] = []
        last_end = -1
        for s, e, a in found:  # drop overlaps, keep the longest leftmost
            if s >= last_end:
                out.append((s, e, a))
                last_end = e
        return out

    def claimant_kind(self, claimant: str | None) -> str:
        """Classify a claimant phrase ("the Syrian Observatory", "a resident") by lexicon."""
        if not claimant:
            return "unknown"
        for kind in self.claimant_order:
            rx = self.claimant_kind_regex.get(kind)
            if rx is not None and rx.search(claimant):
                return kind
        return "media"


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    actors_data = resources.load_json("actors.json")
    victims = resources.load_json("victims.json")
    events = resources.load_json("events.json")
    claimants = resources.load_json("claimants.json")

    actors: dict[str, Actor] = {}
    by_alias: dict[str, str] = {}
    by_alias_cs: dict[str, str] = {}
    for a in actors_data["actors"]:
        actors[a["id"]] = Actor(actor_id=a["id"], name=a["name"], kind=a.get("kind", "unknown"))
        for al in a.get("aliases", []) + [a["name"]]:
            by_alias.setdefault(al.lower(), a["id"])
        for al in a.get("aliases_cs", []):
            by_alias_cs.setdefault(al, a["id"])
    for alias, aid, cs in composed_aliases(actors_data.get("composed_aliases", {})):
        if aid in actors:
            (by_alias_cs if cs else by_alias).setdefault(alias, aid)

    victim_kind_of: dict[str, str] = {}
    for kind in ("civilian", "combatant", "prisoner"):  # later kinds win: prisoner is most specific
        for w in victims["kinds"][kind]:
            victim_kind_of[w] = kind
    subgroup_of = {w: g for g, ws in victims["subgroups"].items() for w in ws}

    trigger_kind: dict[str, str] = {}
    for kind, words in events["triggers"].items():
        if kind.startswith("_"):
            continue
        for w in words:
            trigger_kind.setdefault(w, kind)
    trig_words = set(trigger_kind)
    # surface forms for the cheap prefilter (also the per-sentence gate of the extractor)
    trigger_regex = _prefilter_regex(trig_words)

    bare = victims["rules"]["bare_figures"]
    et = events["event_types"]
    type_regex = {t: _phrase_regex(et[t]) for t in et["priority"]}
    methods = {k: v for k, v in events["methods"].items() if not k.startswith("_")}

    return Lexicon(
        actors=actors,
        actor_by_alias=by_alias,
        actor_by_alias_cs=by_alias_cs,
        actor_regex=_phrase_regex(by_alias),
        actor_regex_cs=_phrase_regex(by_alias_cs, case_sensitive=True),
        generic_refs=frozenset(actors_data["generic_references"]["words"]),
        person_nouns=frozenset(victims["person_nouns"])
        | frozenset(w[:-1] for w in victims["person_nouns"] if w.endswith("s") and not w.endswith("ss")),
        victim_kind_of=victim_kind_of,
        prisoner_cues=frozenset(victims["kinds"]["prisoner"]),
        subgroup_of=subgroup_of,
        execution_prisoners=bool(victims["rules"].get("execution_makes_combatants_prisoners")),
        trigger_kind=trigger_kind,
        trigger_regex=trigger_regex,
        type_priority=tuple(et["priority"]),
        type_regex={k: v for k, v in type_regex.items() if v is not None},
        type_default=et["trigger_default"],
        method_regex=_phrase_regex(methods),
        methods={k.lower(): v for k, v in methods.items()},
        background_regex=_phrase_regex(events["background_cues"]["phrases"]),
        not_background_regex=_phrase_regex(events["background_cues"].get("not_cues", ())),
        of_only_triggers=frozenset(events.get("of_only_triggers", ())),
        life_taking_verbs=frozenset(events.get("life_taking_verbs", ())),
        negation_regex=_phrase_regex(events["negation_cues"]),
        hypothetical_regex=_phrase_regex(c.strip() for c in events["hypothetical_cues"]),
        hypothetical_aux=frozenset(events["hypothetical_aux"]),
        reporting_verbs=frozenset(claimants["reporting_verbs"]),
        claimant_kind_regex={k: _phrase_regex(v) for k, v in claimants["kinds"].items()},
        claimant_order=tuple(claimants["order"]),
        not_counts=frozenset(events["not_counts"]),
        civilian_event_types=frozenset(victims["rules"]["generic_people_in_attacks"]["event_types"]),
        generic_people=frozenset(victims["rules"]["generic_people_in_attacks"]["nouns"]),
        bare_count_types=frozenset(bare["event_types"]),
        bare_count_targeted_types=frozenset(bare["targeted_event_types"]),
        civilian_place_regex=_phrase_regex(bare["civilian_places"]),
        # a military target, or a side's fighters or captives named anywhere near the figure
        military_target_regex=_phrase_regex(
            [*bare["military_targets"], *(w for w in victim_kind_of if victim_kind_of[w] in ("combatant", "prisoner"))]
        ),
        separate_regex=_phrase_regex(events["separate_event_cues"]),
        multiword_triggers=tuple(
            sorted(
                ((tuple(w.split()), k) for w, k in trigger_kind.items() if " " in w),
                key=lambda t: -len(t[0]),
            )
        ),
        not_victim_after=re.compile(
            r"^\W{0,3}(?:\s+\w+){0,3}?\s+(?:(?:were|was|have been|had been|are|is)\s+)?(?:"
            + "|".join(re.escape(w) for w in events["not_victim_after"]) + r")\b"
            # "26 displaced people", "three detained men": the word stands before a person noun
            # as an adjective; it describes the victims, it does not count suspects or survivors
            + r"(?!\s+(?:" + _alt(victims["person_nouns"]) + r")\b)", re.IGNORECASE
        ),
        target_before=re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in actors_data["target_cues"]["before"]) + r")\s+(?:the\s+)?(?:so-called\s+)?(?:(?:[a-z-]+\s+){0,2}group\s+)?$", re.IGNORECASE
        ),
        document_actor_types=frozenset(actors_data.get("document_actor", {}).get("event_types", [])),
        document_actor_excluded=frozenset(actors_data.get("document_actor", {}).get("excluded", [])),
        target_after=re.compile(
            # "the IS group bastion", "the Islamic State group's capital": the word "group" may stand before the cue
            r"^(?:\s+groups?(?=['’\s]))?(?:" + "|".join(re.escape(w) for w in actors_data["target_cues"]["after"]) + r")(?![a-z])", re.IGNORECASE
        ),
    )
