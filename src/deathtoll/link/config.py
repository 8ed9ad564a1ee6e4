"""Linking parameters loaded from ``resources/link_weights.json`` and ``link_event_families.json``.

The JSON files hold each weight together with the reason for it; this module flattens
them into a typed, cached :class:`LinkConfig` so the scoring code reads plain numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from ..errors import ResourceError
from ..resources import load_json


@dataclass(frozen=True)
class LinkConfig:
    """All numbers linking uses: ``weights[section][name]`` plus the type families."""

    weights: dict[str, dict[str, float]]
    type_families: tuple[frozenset[str], ...]
    generic_types: frozenset[str]
    victim_compatible: tuple[frozenset[str], ...]
    allied_perpetrators: frozenset[frozenset[str]] = frozenset()

    @cached_property
    def family_pairs(self) -> frozenset[tuple[str, str]]:
        """Every (type, type) pair that shares a family, both orders."""
        return frozenset((x, y) for f in self.type_families for x in f for y in f)

    def w(self, section: str, name: str) -> float:
        """One weight; a missing one is a broken resource file."""
        try:
            return self.weights[section][name]
        except KeyError as e:
            raise ResourceError(f"link_weights.json lacks {section}.{name}") from e


def _flatten(raw: dict[str, Any]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for section, entries in raw.items():
        if section.startswith("_") or not isinstance(entries, dict):
            continue
        out[section] = {k: float(v["value"]) for k, v in entries.items() if isinstance(v, dict)}
    return out


@lru_cache(maxsize=1)
def load_config() -> LinkConfig:
    """The linking configuration (read once per process)."""
    weights = load_json("link_weights.json")
    fam = load_json("link_event_families.json")
    try:
        return LinkConfig(
            weights=_flatten(weights),
            type_families=tuple(frozenset(f) for f in fam["families"]),
            generic_types=frozenset(fam["generic"]),
            victim_compatible=tuple(frozenset(p) for p in fam["victim_kind_compatible"]),
            allied_perpetrators=frozenset(frozenset(p) for p in fam.get("allied_perpetrators", ())),
        )
    except (KeyError, TypeError) as e:
        raise ResourceError(f"malformed link resource: {e}") from e
