"""Tallies of several shootings, age lists and active 'shooting'/'hurting' subjects are not
the incident's victims. Sentences are our own."""

from __future__ import annotations

from deathtoll.extract.counts import find_counts

from extract_samples import tolls


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


def test_people_involved_in_a_fight_are_not_the_wounded(nlp) -> None:
    text = "Two men and a woman were wounded when gunfire broke out during a brawl involving more than 40 people in Dalton."
    assert tolls(nlp, text) == [("injured", 3)]


def test_companions_are_not_victims(nlp) -> None:
    assert tolls(nlp, "A clerk shot the boy after he walked into the store in Dalton with three other teens.") == [("injured", 1)]


def test_men_who_began_shooting_are_shooters(nlp) -> None:
    assert tolls(nlp, "Witnesses said two men got out of a van in Dalton and began shooting at the house.") == []


def test_age_after_a_name_with_a_lowercase_surname() -> None:
    assert find_counts("Rita gomez, 19 was shot in the arm.") == []


def test_men_who_drove_up_and_began_shooting_are_shooters(nlp) -> None:
    assert tolls(nlp, "Witnesses said three men in a grey truck drove up and began shooting at the porch in Dalton.") == []


def test_family_in_a_car_with_the_victim_are_companions(nlp) -> None:
    text = "A girl was hit when a van with the girl and two other relatives was caught in crossfire in Dalton."
    assert ("injured", 2) not in tolls(nlp, text)


def test_shootings_across_the_city_are_a_tally(nlp) -> None:
    assert tolls(nlp, "The weekend left five people dead in 12 shootings across the city of Dalton.") == []
