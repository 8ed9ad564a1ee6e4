"""Gazetteer.headline_place: the place a headline names, inside the report's country.
All headlines are written for these tests."""

from __future__ import annotations


def _name(gaz, title: str, cc: str):
    p = gaz.headline_place(title, cc)
    return (p.name, p.admin1) if p is not None else None


def test_a_town_after_a_preposition(gaz):
    assert _name(gaz, "Shelling kills three near Aleppo", "SY") == ("Aleppo", "Aleppo")


def test_a_possessive_without_its_apostrophe(gaz):
    assert _name(gaz, "Two dead in Syrias Quneitra after blast", "SY")[1] == "Quneitra"


def test_the_outlets_name_is_dropped(gaz):
    assert _name(gaz, "Blast kills four in the north | Jordan Times", "SY") is None


def test_a_place_in_another_country_is_not_taken(gaz):
    assert _name(gaz, "Talks in Geneva fail as bombs fall", "SY") is None


def test_a_bare_name_prefix_is_no_place(gaz):
    assert _name(gaz, "Kurds take Tel Hamiskills in raid", "SY") is None


def test_a_possessive_place_before_a_town_is_no_given_name(gaz):
    # "Syrias Manbij" (apostrophe lost) once made "Manbij" a surname in the text
    assert _name(gaz, "Raids hit farms in Syrias Manbij", "SY") == ("Manbij", "Aleppo")


def test_a_bare_tal_is_no_town(gaz):
    assert not gaz.is_place("Tal") and gaz.is_place("Tal Abyad")


def test_an_outlets_name_before_the_headline_is_skipped(gaz):
    assert _name(gaz, "City Wire Service - Homs blast kills three", "SY")[1] == "Homs"
