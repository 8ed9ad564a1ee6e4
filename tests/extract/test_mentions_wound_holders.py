"""One victim who 'suffered injuries' and wounds that were fatal. Sentences are our own."""

from __future__ import annotations

from extract_samples import tolls


def test_child_who_suffered_injuries_is_one_wounded(nlp) -> None:
    assert tolls(nlp, "A 5-year-old girl suffered minor injuries in an accidental shooting in Orton on Friday.") == [("injured", 1)]


def test_teen_recovering_with_injuries_is_one_wounded(nlp) -> None:
    assert tolls(nlp, "A teenager is recovering with serious injuries after a gun went off in Orton on Friday.") == [("injured", 1)]


def test_injuries_without_a_person_holder_count_nobody(nlp) -> None:
    assert tolls(nlp, "The injuries were described as minor by the Orton sheriff.") == []


def test_mortally_wounded_victims_are_dead(nlp) -> None:
    assert tolls(nlp, "The gunman mortally wounded two guards at the gate in Orton.") == [("killed", 2)]
    assert tolls(nlp, "Two guards were fatally injured at the gate in Orton on Friday.") == [("killed", 2)]


def test_people_found_shot_to_death_are_the_victims_of_finding(nlp) -> None:
    assert tolls(nlp, "Officers made an arrest after a father and his young daughter were found shot to death in Orton.") == [("killed", 2)]


def test_wounded_beside_the_dead_in_one_sentence_count(nlp) -> None:
    text = "Gunfire in Orton left a 9-year-old boy dead and his uncle wounded on Sunday night."
    assert tolls(nlp, text) == [("injured", 1), ("killed", 1)]
