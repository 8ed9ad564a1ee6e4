"""A short local report whose only country cue is one big city (or a demonym) is about
that city's country: the cue is weak (half a place name), but nothing competes with it."""

from __future__ import annotations

from deathtoll.model import Document
from deathtoll.pipeline import Pipeline


def test_one_big_city_names_the_report_country() -> None:
    text = "A teenager was shot late Sunday on a porch in Chicago, police said. No arrests were made."
    assert Pipeline().document_country(Document(doc_id="c1", text=text)) == "US"


def test_no_place_at_all_gives_no_country() -> None:
    text = "A teenager was shot late Sunday on a porch, police said. No arrests were made."
    assert Pipeline().document_country(Document(doc_id="c2", text=text)) is None
