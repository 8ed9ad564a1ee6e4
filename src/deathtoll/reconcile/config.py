"""Reconciliation parameters from ``resources/reconcile_rules.json`` (read once)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..errors import ResourceError
from ..resources import load_json


@dataclass(frozen=True)
class ReconcileConfig:
    """The numbers and vocabularies the rule uses."""

    rule_id: str
    fatal_kinds: frozenset[str]
    injury_kinds: frozenset[str]
    not_credible: frozenset[str]
    victim_groups: dict[str, str]  # victim_kind -> group name
    subgroups: tuple[str, ...]
    rel_tol: float
    abs_tol: int
    type_specificity: tuple[str, ...]
    generic_types: frozenset[str]
    date_precisions: tuple[str, ...]
    max_toll: Optional[int] = None  # claims stating more than this are implausible: kept, never used


@lru_cache(maxsize=1)
def load_config() -> ReconcileConfig:
    """Parse the rules file; a malformed file raises :class:`ResourceError`."""
    raw = load_json("reconcile_rules.json")
    try:
        return ReconcileConfig(
            rule_id=raw["rule_id"],
            fatal_kinds=frozenset(raw["fatal_kinds"]),
            injury_kinds=frozenset(raw["injury_kinds"]),
            not_credible=frozenset(raw["not_credible_claimants"]),
            victim_groups=dict(raw["victim_groups"]),
            subgroups=tuple(raw["subgroups"]),
            rel_tol=float(raw["contradiction"]["relative_tolerance"]),
            abs_tol=int(raw["contradiction"]["absolute_tolerance"]),
            type_specificity=tuple(raw["event_type_specificity"]),
            generic_types=frozenset(raw["generic_event_types"]),
            date_precisions=tuple(raw["date_precision_order"]),
            max_toll=int(raw["max_plausible_event_toll"]) if raw.get("max_plausible_event_toll") is not None else None,
        )
    except (KeyError, TypeError, ValueError) as e:
        raise ResourceError(f"malformed reconcile_rules.json: {e}") from e
