"""Pair scoring: every feature adds log-odds and says why, in words.

``score_pair`` returns a :class:`PairScore` whose ``reason`` reads like
``"m1~m2: same place Al-Tabqa (0 km), dates overlap, same type execution,
same perpetrator Islamic State, counts compatible (160+ vs ~250); score 0.91"``.
All weights come from ``resources/link_weights.json`` (each with its reasoning).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .config import LinkConfig
from .features import MentionView
from .geo import haversine_km

#: (log-odds contribution, explanation template, its arguments): the explanation is\n#: formatted only for the pairs whose reason is shown (``score_pair``), never per scored pair.\nPart = tuple[float, str, tuple]


@dataclass(frozen=True)
class PairScore:
    """The verdict on one pair of mentions."""

    a: str
    b: str
    probability: float
    conflict: bool  # strongly incompatible: clusters holding both may never merge
    reason: str


#: UCDP ``where_prec`` of a place that is only a country (6) or coarser (7: international waters)
COUNTRY_PRECISION = 6


def _country_named_in_report(a: MentionView, b: MentionView) -> bool:
    """Two mentions of one report, one placed only in a country, the other in a town or
    province of another country: the country is what the sentence names (who called for a
    meeting, where the fighters came from, whose jets flew), not another scene."""
    return a.doc_id == b.doc_id and (a.place_precision >= COUNTRY_PRECISION) != (b.place_precision >= COUNTRY_PRECISION)


def _place(a: MentionView, b: MentionView, cfg: LinkConfig) -> Part:
    w = cfg.weights["place"]
    if a.place_precision == 99 or b.place_precision == 99:
        return w["unknown"], "place unknown", ()
    weak = a.borrowed or b.borrowed  # a place borrowed from context is no veto
    if a.country and b.country and a.country != b.country:
        if _country_named_in_report(a, b):
            return w["country_in_report"], "a country named in the report ({} vs {})", (
                (a.place_name, b.place_name) if a.place_precision >= COUNTRY_PRECISION else (b.place_name, a.place_name))
        value = w["weak_different_country"] if weak else w["different_country"]
        return value, "different countries ({} vs {})", (a.country, b.country)
    if a.place_key is not None and a.place_key == b.place_key:
        return w["same_place"], "same place {} (0 km)", (a.place_name,)
    coarse = max(a.place_precision, b.place_precision) >= 3
    if not coarse and a.lat is not None and b.lat is not None:
        d = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        slack = w["precision2_slack_km"] * sum(p == 2 for p in (a.place_precision, b.place_precision))
        eff = max(0.0, d - slack)
        if eff <= w["same_km"]:
            return w["same_place"], "same place {}/{} ({:.0f} km)", (a.place_name, b.place_name, d)
        if eff <= w["near_km"]:
            return w["near"], "near places {}/{} ({:.0f} km)", (a.place_name, b.place_name, d)
        if eff <= w["far_km"]:
            return w["far"], "places {:.0f} km apart ({}/{})", (d, a.place_name, b.place_name)
        return w["very_far"], "places {:.0f} km apart ({}/{})", (d, a.place_name, b.place_name)
    if a.admin1 and b.admin1:
        if a.admin1 == b.admin1:
            return w["same_admin1"], "same province {}", (a.admin1[1].title(),)
        value = w["weak_different_admin1"] if weak else w["different_admin1"]
        return value, "different provinces ({} vs {})", (a.admin1[1].title(), b.admin1[1].title())
    if a.place_name and b.place_name and a.place_name.casefold() == b.place_name.casefold():
        return w["same_place"], "same place name {}", (a.place_name,)
    return w["unknown"], "places not comparable", ()


def _time(a: MentionView, b: MentionView, cfg: LinkConfig) -> Part:
    w = cfg.weights["time"]
    if a.t0 is None or b.t0 is None:
        return w["unknown"], "date unknown", ()
    gap = max(b.t0 - a.t1, a.t0 - b.t1)  # type: ignore[operator]
    if gap <= 0:
        if a.time_precise and b.time_precise:
            return w["overlap_precise"], "dates overlap", ()
        return w["overlap_coarse"], "dates overlap (coarse)", ()
    if gap <= w["adjacent_days"]:
        return w["adjacent"], "dates {} day apart", (gap,)
    if gap <= cfg.weights["blocking"]["time_window_days"]:
        return w["gap"], "dates {} days apart", (gap,)
    return w["beyond_window"], "dates {} days apart", (gap,)


def _types(a: MentionView, b: MentionView, cfg: LinkConfig) -> Part:
    w = cfg.weights["event_type"]
    if a.event_type == b.event_type:
        return w["same"], "same type {}", (a.event_type,)
    if a.event_type in cfg.generic_types or b.event_type in cfg.generic_types:
        return w["generic"], "types {}/{} (generic)", (a.event_type, b.event_type)
    if (a.event_type, b.event_type) in cfg.family_pairs:
        return w["family"], "compatible types {}~{}", (a.event_type, b.event_type)
    return w["different"], "different types {}/{}", (a.event_type, b.event_type)


def _perpetrator(a: MentionView, b: MentionView, cfg: LinkConfig) -> Part:
    w = cfg.weights["perpetrator"]
    if a.actor_id == "unknown" or b.actor_id == "unknown":
        return w["unknown"], "perpetrator unknown", ()
    if a.actor_id == b.actor_id:
        return w["same"], "same perpetrator {}", (a.actor_name,)
    if frozenset((a.actor_id, b.actor_id)) in cfg.allied_perpetrators:
        return w["allied"], "allied perpetrators ({} and {})", (a.actor_name, b.actor_name)
    return w["different"], "different perpetrators ({} vs {})", (a.actor_name, b.actor_name)


def _victims(a: MentionView, b: MentionView, cfg: LinkConfig) -> Part:
    w = cfg.weights["victims"]
    if a.victim_kind == "unknown" or b.victim_kind == "unknown":
        return w["unknown"], "", ()
    if a.victim_kind == b.victim_kind:
        return w["same"], "same victims ({})", (a.victim_kind,)
    if any({a.victim_kind, b.victim_kind} <= pair for pair in cfg.victim_compatible):
        return w["compatible"], "compatible victims ({}/{})", (a.victim_kind, b.victim_kind)
    return w["different"], "different victims ({} vs {})", (a.victim_kind, b.victim_kind)


def _counts(a: MentionView, b: MentionView, cfg: LinkConfig) -> Part:
    w = cfg.weights["counts"]
    if a.count_low is None or b.count_low is None:
        return w["unknown"], "", ()
    both = (a.count_text, b.count_text)
    if a.count_low <= b.count_high and b.count_low <= a.count_high:  # type: ignore[operator]
        return w["overlap"], "counts compatible ({} vs {})", both
    lo_end, hi_end = (a.count_high, b.count_low) if a.count_high < b.count_low else (b.count_high, a.count_low)  # type: ignore[operator]
    ratio = (hi_end + 1) / (lo_end + 1)  # +1: 0 vs 2 is not an infinite ratio
    if ratio <= w["close_ratio"]:
        return w["close"], "counts close ({} vs {})", both
    if ratio <= w["far_ratio"]:
        return w["apart"], "counts differ ({} vs {})", both
    return w["very_different"], "counts very different ({} vs {})", both


def _persons(a: MentionView, b: MentionView, cfg: LinkConfig) -> Part:
    """Shared victim/suspect names (only across documents: one report shares all its names)."""
    w = cfg.weights["names"]
    if a.doc_id == b.doc_id or not a.persons or not b.persons:
        return 0.0, "", ()
    shared = sorted(a.persons & b.persons)
    if not shared:
        return w["none_shared"], "", ()
    value = w["shared_more"] if len(shared) > 1 else w["shared_one"]
    return value, "same people named ({})", (', '.join(n.title() for n in shared[:3]),)


def _ages(a: MentionView, b: MentionView, cfg: LinkConfig) -> Part:
    """Two reports that give their people the same age ("a 4-year-old" in both): only across
    documents, and not for round-ups that state many ages."""
    w = cfg.weights["ages"]
    if a.doc_id == b.doc_id or not a.ages or not b.ages or max(len(a.ages), len(b.ages)) > w["max_ages"]:
        return 0.0, "", ()
    shared = a.ages & b.ages
    if not shared:
        return 0.0, "", ()
    return w["shared"], "same ages ({})", (", ".join(map(str, sorted(shared))),)


FEATURES = (_place, _time, _types, _perpetrator, _victims, _counts, _ages)
#: what ``_tally`` runs after place and time, in order
_OTHER_FEATURES = FEATURES[2:]


def _own_chronology(a: MentionView, b: MentionView, cfg: LinkConfig) -> bool:
    """Whether two day-dated mentions of one report, one of them giving no death toll, lie
    at most ``follow_up_days`` apart: a report of charges or an arrest days later dates the
    shooting and its sequel differently, and that alone does not make them two events."""
    if not (a.time_precise and b.time_precise) or (a.count_low is not None and b.count_low is not None):
        return False  # two tolls on two dates: two events ("a similar raid last month killed 20")
    gap = max(b.t0 - a.t1, a.t0 - b.t1)  # type: ignore[operator]
    return gap <= cfg.weights["time"]["follow_up_days"]


def _tally(a: MentionView, b: MentionView, cfg: LinkConfig, explain: bool = False) -> tuple[float, bool, list[Part]]:
    """(logit, conflict, the parts that said something) for an ordered pair. The parts
    hold templates and arguments, formatted only when a pair's reason is wanted; they
    are collected only with ``explain`` (the features run in the order of ``FEATURES``,
    written out: this runs for millions of pairs)."""
    s = cfg.weights["score"]
    limit = s["conflict_contribution"]
    logit = s["bias"]
    parts: list[Part] = []
    named = _persons(a, b, cfg)
    shared_name = named[0] > 0
    # place: a shared name outweighs a geocoding disagreement
    value, template, args = _place(a, b, cfg)
    if shared_name:
        value = max(value, cfg.weights["names"]["place_floor"])
    same_place = template.startswith("same place")
    place_value = value
    logit += value
    # in one report, a town borrowed from another sentence is only the report's setting:
    # it differing from a sentence's own place says nothing against the pair
    negative = value < 0 and not (a.borrowed or b.borrowed)
    conflict = value <= limit
    if explain and template:
        parts.append((value, template, args))
    # time: a shared name outweighs a follow-up date; so does a report's own chronology
    value, template, args = _time(a, b, cfg)
    if shared_name:
        value = max(value, cfg.weights["names"]["time_floor"])
    if value < 0 and a.doc_id == b.doc_id and place_value >= 0 \
            and a.event_type == b.event_type and _own_chronology(a, b, cfg):
        value, template = 0.0, "dates {} days apart in one report (its own chronology)"
    logit += value
    negative = negative or value < 0
    conflict = conflict or value <= limit
    if explain and template:
        parts.append((value, template, args))
    for feature in _OTHER_FEATURES:
        value, template, args = feature(a, b, cfg)
        logit += value
        negative = negative or value < 0
        conflict = conflict or value <= limit
        if explain and template:
            parts.append((value, template, args))
    if named[1]:
        logit += named[0]
        parts.append(named)
    if (a.separate or b.separate) and a.doc_id != b.doc_id and not same_place:
        logit += s["separate_incident"]
        parts.append((s["separate_incident"], "reported as a separate incident", ()))
    if a.doc_id == b.doc_id:
        same_type = (
            a.event_type == b.event_type
            or "attack" in (a.event_type, b.event_type)
            or (a.event_type, b.event_type) in cfg.family_pairs
        )
        lo_a, lo_b = a.count_precise_low, b.count_precise_low
        two_figures = (
            lo_a is not None and lo_b is not None and max(lo_a, lo_b) > s["same_document_count_ratio"] * max(1, min(lo_a, lo_b))
        )
        # a toll the report itself dates only to weeks or a month ("strikes that killed 23 last
        # month") beside a day-dated toll is its background, not the day's incident
        span = cfg.w("time", "background_span_days")
        background = (
            a.count_low is not None and b.count_low is not None
            and any(x.own_span and x.t1 - x.t0 >= span and y.time_precise for x, y in ((a, b), (b, a)))  # type: ignore[operator]
        )
        if negative or not same_type or two_figures or background:
            conflict = True
            parts.append(
                (0.0, "same document, a day-dated toll and a toll dated to weeks", ()) if background and not two_figures
                else (0.0, "same document, two different figures ({} vs {})", (lo_a, lo_b)) if two_figures
                else (0.0, "same document, not strongly compatible", ())
            )
        else:
            logit += s["same_document"]
            parts.append((s["same_document"], "same document", ()))
    return logit, conflict, parts


def _probability(logit: float) -> float:
    return 1.0 / (1.0 + math.exp(-logit))


def pair_verdict(a: MentionView, b: MentionView, cfg: LinkConfig) -> tuple[float, bool]:
    """``(probability, conflict)`` of a pair, as :func:`score_pair` gives them, without
    writing the reason (what clustering needs for the millions of pairs it never joins)."""
    if b.mention_id < a.mention_id:
        a, b = b, a
    logit, conflict, _ = _tally(a, b, cfg)
    prob = _probability(logit)
    return prob, conflict or prob < cfg.weights["score"]["conflict_probability"]


def score_pair(a: MentionView, b: MentionView, cfg: LinkConfig) -> PairScore:
    """Score one pair and say why; ids in the result are in sorted order."""
    if b.mention_id < a.mention_id:
        a, b = b, a
    logit, conflict, parts = _tally(a, b, cfg, explain=True)
    prob = _probability(logit)
    conflict = conflict or prob < cfg.weights["score"]["conflict_probability"]
    texts = ", ".join(template.format(*args) for _, template, args in parts)
    reason = f"{a.mention_id}~{b.mention_id}: {texts}; score {prob:.2f}"
    return PairScore(a.mention_id, b.mention_id, prob, conflict, reason)


def quick_conflict(a: MentionView, b: MentionView, cfg: LinkConfig) -> bool:
    """True when the pair is a conflict whatever the other features say (two different
    named perpetrators, or different countries, weighted at or below
    ``conflict_contribution``). Lets clustering skip full scoring of such pairs: a
    conflict pair can never be joined, so its exact probability does not matter there.
    """
    limit = cfg.weights["score"]["conflict_contribution"]
    if a.doc_id != b.doc_id and a.persons & b.persons:
        return False  # a shared name caps the place evidence: score the pair in full
    if a.actor_id != b.actor_id and "unknown" not in (a.actor_id, b.actor_id):
        if cfg.weights["perpetrator"]["different"] <= limit \
                and frozenset((a.actor_id, b.actor_id)) not in cfg.allied_perpetrators:
            return True
    if a.country and b.country and a.country != b.country and a.place_precision != 99 and b.place_precision != 99:
        if _country_named_in_report(a, b):
            return False
        weak = a.borrowed or b.borrowed
        return cfg.weights["place"]["weak_different_country" if weak else "different_country"] <= limit
    return False
