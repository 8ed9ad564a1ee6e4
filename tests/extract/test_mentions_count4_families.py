"""Family counts in murder-suicide and night-tally reports (fourth session).
All sentences are written for these tests."""

from __future__ import annotations

from extract_samples import tolls


def _killed(nlp, text: str) -> list[int]:
    return [v for k, v in tolls(nlp, text) if k == "killed"]


def test_a_couple_counts_two_in_a_coordination(nlp):
    assert _killed(nlp, "An elderly couple and their two children were found dead inside the farmhouse.") == [4]


def test_one_of_two_groups_adds_both_groups(nlp):
    found = _killed(nlp, "Her nephew was one of the three men and two women found shot dead in a garage.")
    assert found == [5], found


def test_a_father_dead_along_with_his_sons_after_a_place_abbreviation(nlp):
    found = _killed(nlp, "Two young St. Paul boys are dead along with their father in an apparent murder-suicide, police said.")
    assert found == [3], found


def test_the_shooter_added_to_children_is_no_child(nlp):
    from deathtoll.extract import extract_mentions
    from deathtoll.model import Document
    ms = extract_mentions(Document(doc_id="f1", text="Two small girls are dead along with their mother in an apparent murder-suicide."), nlp=nlp)
    claims = [c for m in ms for c in m.claims if c.kind == "killed"]
    assert [(c.value, c.subgroup) for c in claims] == [(3, None)], claims


def test_spelled_ages_in_a_list_are_no_counts(nlp):
    found = tolls(nlp, "The man shot his two daughters, ages five, nine and 12, at the house before he fled.")
    assert all(v not in (9, 12) for _, v in found), found


def test_one_of_a_nights_tally_counts_the_one(nlp):
    found = tolls(nlp, "The teenager was one of four people killed and 19 wounded across the city over the holiday weekend.")
    assert found == [("killed", 1)], found


def test_one_of_the_people_shot_at_a_party_keeps_the_total(nlp):
    found = tolls(nlp, "She was one of three people shot at the birthday party, police said.")
    assert ("injured", 3) in found, found


def test_a_victim_left_dead_after_the_noun(nlp):
    assert _killed(nlp, "Police are investigating after a stray bullet left a 9-year-old girl dead inside her bedroom.") == [1]


def test_an_age_makes_an_untagged_name_a_person(nlp):
    found = _killed(nlp, "Deputies came after 23-year-old Tavon Qualls was found dead May 3rd in a trailer near the river.")
    assert found == [1], found


def test_a_victims_parents_found_dead_are_two(nlp):
    found = _killed(nlp, "Officers later found the boy's parents dead in the kitchen of the apartment.")
    assert found == [2], found
