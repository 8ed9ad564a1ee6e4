"""Shared fixtures for the geo tests: one gazetteer (index built or read from cache) per session."""

from __future__ import annotations

import pytest

from deathtoll.geo import Gazetteer
from deathtoll.model import TextSpan


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    g = Gazetteer()
    _ = g.index
    return g


@pytest.fixture(scope="session")
def resolve(gaz):
    """resolve(["near Tabqa", "Raqqa"], text="...") with plain strings as candidates."""

    def _resolve(cands, text: str = "", country_hint=None):
        spans = [TextSpan(0, len(c), c) for c in cands]
        return gaz.resolve_place(spans, text=text, country_hint=country_hint)

    return _resolve
