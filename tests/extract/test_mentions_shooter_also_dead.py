"""Murder-suicide: the shooter's own death is counted; list appositions count each person.
Sentences are our own."""

from __future__ import annotations

from extract_samples import tolls


def test_killed_child_and_then_herself_is_two_dead(nlp) -> None:
    assert tolls(nlp, "Investigators believe the woman killed her son and then herself in Brill on Sunday.") == [("killed", 2)]


def test_before_fatally_shooting_himself_adds_the_shooter(nlp) -> None:
    assert tolls(nlp, "A man shot and killed his 6-year-old daughter before fatally shooting himself in Brill.") == [("killed", 2)]


def test_dead_along_with_their_father_adds_the_father(nlp) -> None:
    assert tolls(nlp, "Three young girls are dead along with their father in an apparent murder-suicide in Brill.") == [("killed", 4)]


def test_a_boy_who_shot_himself_is_one_victim(nlp) -> None:
    assert tolls(nlp, "A 5-year-old boy was killed when he found a gun and then shot himself in Brill.") == [("killed", 1)]


def test_shooter_already_in_the_list_is_not_added_twice(nlp) -> None:
    assert tolls(nlp, "A man killed his two sons and himself in Brill on Sunday.") == [("killed", 3)]


def test_list_with_an_apposition_counts_every_person(nlp) -> None:
    assert tolls(nlp, "A mother, father, and toddler were found dead in a home in Brill.") == [("killed", 3)]
