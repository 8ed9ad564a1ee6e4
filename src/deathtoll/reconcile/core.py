"""``reconcile``: all mentions of one event -> tolls, contradictions and notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Mapping, Optional, Sequence

from ..model import Contradiction, CountClaim, EventMention, Toll
from .config import ReconcileConfig, load_config
from .contradictions import find_contradictions
from .rules import GroupResult, apply_subgroup_floor, claim_ref
from .rules import group_toll as _group_toll
from .supersede import supersede_wounds


@dataclass(frozen=True)
class Reconciliation:
    """The reconciled tolls of one event and how they were reached."""

    fatalities: Toll
    injured: Toll
    victims: dict[str, Toll] = field(default_factory=dict)  # civilians, combatants, prisoners, children, women
    contradictions: tuple[Contradiction, ...] = ()
    rule: str = ""
    notes: tuple[str, ...] = ()


def _claims(mentions: Sequence[EventMention]) -> list[tuple[CountClaim, str]]:
    """Each distinct claim with its effective victim kind (the mention's when unknown)."""
    seen: set[tuple] = set()
    out: list[tuple[CountClaim, str]] = []
    for m in sorted(mentions, key=lambda m: m.mention_id):
        for c in m.claims:
            key = (c.claim_id,) if c.claim_id else (c.doc_id, c.number_start, c.number_end, c.kind, c.low, c.high, c.value, c.subgroup)
            if key in seen:
                continue
            seen.add(key)
            vk = c.victim_kind if c.victim_kind != "unknown" else (m.victim_kind or "unknown")
            out.append((c, vk))
    return sorted(out, key=lambda t: claim_ref(t[0]))


def _contradictions(claims: list[tuple[CountClaim, str]], cfg: ReconcileConfig) -> list[Contradiction]:
    targets: dict[tuple[str, str, str], list[CountClaim]] = {}
    for c, vk in claims:
        if c.claimant_kind in cfg.not_credible:
            continue
        family = "fatal" if c.kind in cfg.fatal_kinds else "injured" if c.kind in cfg.injury_kinds else None
        if family is None:
            continue
        targets.setdefault((family, vk, c.subgroup or ""), []).append(c)
    out: list[Contradiction] = []
    for (family, vk, sub), group_claims in sorted(targets.items()):
        if sub:
            name = sub
        elif family == "injured":
            name = "injured" if vk == "unknown" else f"injured {cfg.victim_groups.get(vk, vk)}"
        else:
            name = "fatalities" if vk == "unknown" else cfg.victim_groups.get(vk, vk)
        out.extend(find_contradictions(name, group_claims, cfg.rel_tol, cfg.abs_tol))
    return out


def _implausible(c: CountClaim, max_toll: Optional[int]) -> bool:
    """True when the least figure the claim asserts exceeds the sanity bound (``reconcile_rules.json``)."""
    if max_toll is None:
        return False
    least = c.low if c.low is not None else c.value if c.value is not None else c.high
    return least is not None and least > max_toll


def reconcile(mentions: Sequence[EventMention], origins: Optional[Mapping[str, str]] = None) -> Reconciliation:
    """Reconcile the claims of one event's mentions by rule ``deathtoll.reconcile.v5``
    (documented in :mod:`deathtoll.reconcile.rules`). Order of ``mentions`` is irrelevant.

    ``origins`` maps doc_id -> origin_id (near-duplicate groups): copies of one wire
    story are one document, so one account per source; every claim is still kept.
    """
    cfg = load_config()
    claims = _claims(mentions)
    implausible = [c for c, _ in claims if _implausible(c, cfg.max_toll)]
    claims = [(c, vk) for c, vk in claims if not _implausible(c, cfg.max_toll)]
    fatal = [(c, vk) for c, vk in claims if c.kind in cfg.fatal_kinds]
    nc = cfg.not_credible
    group_toll = partial(_group_toll, origins=origins)

    total = group_toll("fatalities", [c for c, _ in fatal if c.subgroup is None], nc)
    groups: dict[str, GroupResult] = {}
    for vk, name in cfg.victim_groups.items():
        sel = [c for c, k in fatal if k == vk and c.subgroup is None]
        if sel:
            groups[name] = group_toll(name, sel, nc)
    subs: dict[str, GroupResult] = {}
    for sub in cfg.subgroups:
        sel = [c for c, _ in fatal if c.subgroup == sub]
        if sel:
            subs[sub] = group_toll(sub, sel, nc)
    total = apply_subgroup_floor(total, subs)
    # children and women counted as civilians ("11 children were killed") are a lower bound
    # on the civilians too
    civilians = cfg.victim_groups.get("civilian")
    civ_subs: dict[str, GroupResult] = {}
    for sub in cfg.subgroups:
        sel = [c for c, k in fatal if c.subgroup == sub and k == "civilian"]
        if sel:
            civ_subs[sub] = group_toll(sub, sel, nc)
    if civilians and civ_subs:
        base = groups.get(civilians) or GroupResult(Toll(None, None, None, 0), ())
        groups[civilians] = apply_subgroup_floor(base, civ_subs, group=civilians)
    groups.update(subs)
    wounded, wound_notes = supersede_wounds(
        [c for c, _ in claims if c.kind in cfg.injury_kinds and c.subgroup is None],
        [c for c, _ in fatal],
        total.toll.best,
        (lambda d: origins.get(d, d)) if origins else (lambda d: d),
    )
    injured = group_toll("injured", wounded, nc)

    notes = list(total.notes)
    for r in groups.values():
        notes.extend(r.notes)
    notes.extend(wound_notes)
    notes.extend(injured.notes)
    ignored = [c for c, _ in claims if c.kind not in cfg.fatal_kinds | cfg.injury_kinds]
    if ignored:
        notes.append(f"ignored for tolls (missing/abducted): {', '.join(claim_ref(c) for c in ignored)}")
    if implausible:
        notes.append(f"ignored for tolls (implausible: above {cfg.max_toll:,}): {', '.join(claim_ref(c) for c in implausible)}")
    contradictions = _contradictions(claims, cfg)
    return Reconciliation(
        fatalities=total.toll,
        injured=injured.toll,
        victims={name: r.toll for name, r in groups.items()},
        contradictions=tuple(contradictions),
        rule=cfg.rule_id,
        notes=tuple(notes),
    )
