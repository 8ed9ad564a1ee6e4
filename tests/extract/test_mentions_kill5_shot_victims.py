"""'Shot' alone with the word 'victims' (fifth session). All sentences are written for these tests."""

from __future__ import annotations

from extract_samples import tolls


def test_victims_who_were_shot_are_hit_not_dead(nlp):
    assert tolls(nlp, "Two victims were shot at the bus stop on Friday night.") == [("injured", 2)]


def test_victims_shot_before_a_suicide_are_dead(nlp):
    assert tolls(nlp, "Three victims were shot before the gunman committed suicide.") == [("killed", 3)]


def test_hedged_ages_after_people_are_no_tolls(nlp):
    found = tolls(nlp, "Neighbours found two men, believed to be 40 and 71, shot dead in the barn.")
    assert ("killed", 40) not in found and ("killed", 71) not in found, found


def test_a_hedged_toll_stays_a_toll(nlp):
    assert ("killed", 30) in tolls(nlp, "The death toll, believed to be 30, is rising.")


def test_a_man_or_a_woman_is_one_person(nlp):
    found = tolls(nlp, "Witnesses said a man or a woman was shot on the porch.")
    assert found and all(v == 1 for _, v in found), found


def test_a_further_person_found_shot_after_the_dead_is_dead(nlp):
    found = tolls(nlp, "Three people were found dead in the house. Deputies later found a fourth person shot in the garage.")
    assert found == [("killed", 1), ("killed", 3)], found


def test_a_further_person_shot_after_the_dead_is_hit(nlp):
    found = tolls(nlp, "Two people were killed. A third person was shot in the arm.")
    assert found == [("injured", 1), ("killed", 2)], found


def test_the_victims_shot_by_gunmen_are_dead(nlp):
    found = tolls(nlp, "The monitor said the victims, including nine women, were shot by the gunmen.")
    assert found and all(k == "killed" for k, _ in found), found


def test_one_after_a_reported_that_is_a_count(nlp):
    assert tolls(nlp, "The sheriff confirmed that one is dead after the shooting at the lake.") == [("killed", 1)]


def test_that_one_as_a_pronoun_is_no_count(nlp):
    assert tolls(nlp, "I said that one is enough.") == []


def test_people_dead_east_of_a_town_are_victims(nlp):
    assert tolls(nlp, "Three men dead east of Millbrook after a standoff.") == [("killed", 3)]


def test_an_earlier_case_recalled_for_comparison_is_background(nlp):
    assert tolls(nlp, "The chief said he was reminded of a case in which two boys were killed.") == []
