"""Which figure is the civilians': a total that counts its civilians apart is not all
civilian, and running totals since a month or over a week are background.
All sentences are written for these tests."""

from __future__ import annotations

from deathtoll.extract import extract_mentions
from deathtoll.model import Document


def _claims(nlp, text: str) -> list[tuple[int, str]]:
    ms = extract_mentions(Document(doc_id="cs1", text=text, source="Test Wire"), nlp=nlp)
    return [(c.value, c.victim_kind) for m in ms for c in m.claims if c.kind == "killed"]


def test_a_total_that_counts_its_civilians_apart_is_not_all_civilian(nlp):
    found = _claims(nlp, "At least 31 people including 12 civilians were killed in a car bomb attack on the checkpoint.")
    assert (12, "civilian") in found and (31, "civilian") not in found, found


def test_people_including_children_stay_civilians(nlp):
    found = _claims(nlp, "At least 14 people including six children were killed in air strikes on the market.")
    assert (14, "civilian") in found, found


def test_a_toll_since_a_month_and_year_is_background(nlp):
    found = _claims(nlp, "About 400 civilians have been killed in the raids since October 2015, the monitor said.")
    assert all(v != 400 for v, _ in found), found


def test_a_toll_over_one_week_is_background(nlp):
    found = _claims(nlp, "More than 300 civilians were killed in one week of bombing across the province.")
    assert all(v != 300 for v, _ in found), found


def test_fighters_and_civilians_joined_by_and_are_counted_apart(nlp):
    found = _claims(nlp, "Coalition air strikes killed 40 jihadist fighters and nine civilians near the dam on Monday.")
    assert (9, "civilian") in found and (49, "combatant") not in found, found


def test_a_rebel_held_town_counts_no_rebel(nlp):
    found = _claims(nlp, "Shelling on a rebel-held town killed 11 people on Monday, a monitor said.")
    assert all(v != 1 for v, _ in found), found


def test_a_verbless_headline_figure_is_a_death_toll(nlp):
    found = _claims(nlp, "31 dead in gas attack on northern town.")
    assert (31, "civilian") in found, found


def test_a_bare_figure_of_a_bombing_counts_civilians(nlp):
    found = _claims(nlp, "A car bomb killed 23 in a crowded street on Friday, medics said.")
    assert (23, "civilian") in found, found


def test_a_bare_figure_of_a_clash_stays_unknown(nlp):
    found = _claims(nlp, "Clashes near the airport killed 23 on Friday, a monitor said.")
    assert (23, "civilian") not in found, found
