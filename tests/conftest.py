"""Fixtures shared by every test package."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline the extractor uses (from a PyPI package; loaded once per test run)."""
    from deathtoll.extract import load_nlp

    return load_nlp()
