"""A sentence naming places in two provinces locates its deaths where the figure's clause
puts them ("Attack in Homs Foiled, 30 Gunmen Killed in Hama"). Sentences written for these tests."""

from __future__ import annotations

from deathtoll.model import Document
from deathtoll.pipeline import Pipeline


def _admin1(title: str, body: str) -> str | None:
    doc = Document(doc_id="cl-" + str(abs(hash(title)) % 10_000), text=f"{title}. {body}", title=title, source="Test Wire")
    pipe = Pipeline(n_process=1)
    ms = pipe.extract([doc])
    assert ms
    lead = ms[0]
    return lead.place.admin1 if lead.place else None


def test_figure_after_one_place_takes_the_next_place() -> None:
    title = "Army Foils Attack in Homs Kills 30 Gunmen in Hama"
    body = "The Syrian army repelled an assault in Homs and killed 30 gunmen in Hama countryside, a military source said."
    assert _admin1(title, body) == "Hama"


def test_figure_before_two_places_takes_the_first_after_it() -> None:
    title = "19 Militants Killed in Idlib Syrian Army Takes Back Villages in Latakia"
    body = "Nineteen militants died in an explosion in Idlib, while troops took back villages in Latakia province, a Syrian source said."
    assert _admin1(title, body) == "Idlib"


def test_place_shells_came_from_is_not_the_place() -> None:
    title = "Shelling kills four in Aleppo"
    body = "Four civilians were killed in Aleppo city by shells fired from Idlib province, Syrian state media said."
    ms = Pipeline(n_process=1).extract([Document(doc_id="cl-from", text=body, title=title, source="Test Wire")])
    assert ms and ms[0].place is not None and ms[0].place.admin1 == "Aleppo", ms[0].place
