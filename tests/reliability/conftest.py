"""Shared fixtures of the reliability tests: one spaCy-backed pipeline per session."""

from __future__ import annotations

import pytest

from deathtoll.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The real pipeline (spaCy + gazetteer), loaded once."""
    p = Pipeline()
    _ = p.nlp, p.gazetteer
    return p
