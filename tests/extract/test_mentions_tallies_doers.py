"""Tallies of several shootings, age lists and active 'shooting'/'hurting' subjects are not
the incident's victims. Sentences are our own."""

from __future__ import annotations

from deathtoll.extract import extract_mentions
from deathtoll.extract.counts import find_counts
from deathtoll.model import Document


def tolls(nlp, text: str) -> list[tuple[str, int]]:
    ms = extract_mentions(Document(doc_id="td", text=text, published="2016-05-02"), nlp=nlp)
    return sorted((c.kind, c.value) for m in ms for c in m.claims)


def test_tally_of_separate_shootings_is_background(nlp) -> None:
    assert tolls(nlp, "Three men died in separate shootings across Dalton on Saturday.") == []
    assert tolls(nlp, "Police in Dalton are looking into two shootings that left two women dead.") == []


def test_single_shooting_keeps_its_count(nlp) -> None:
    assert tolls(nlp, "Two women died in a shooting in Dalton on Saturday.") == [("killed", 2)]


def test_every_figure_of_an_age_list_is_an_age() -> None:
    assert [c.value for c in find_counts("Four men, ages 18, 22 and 31, were hurt.")] == [4]
    assert [c.value for c in find_counts("Two girls aged 9 to 12 were hurt.")] == [2]


def test_people_shooting_at_each_other_are_shooters(nlp) -> None:
    assert tolls(nlp, "A neighbour said two men were shooting at each other outside the bar in Dalton.") == []


def test_families_hurting_are_grieving_not_wounded(nlp) -> None:
    assert tolls(nlp, "There are three families hurting in Dalton tonight, the pastor said.") == []


def test_passive_wounded_subject_is_still_a_victim(nlp) -> None:
    assert tolls(nlp, "Two men were wounded when a gunman opened fire outside the bar in Dalton.") == [("injured", 2)]
