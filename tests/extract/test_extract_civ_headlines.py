"""Casualty wordings the extractor used to miss (issue 3, civilians): a headline's verb pair
("Kills Two Injures Three"), "claiming three lives", and a count whose own casualty verb
comes before a "suspected" that describes the attack. All sentences are written for these tests."""

from __future__ import annotations

import pytest

from extract_samples import claims_by_side as _claims


@pytest.mark.parametrize(
    "text",
    [
        "Rebel Rocket Attack Kills Two Injures Four in Hama City.",
        "Rebel Shelling Kills Two, Injures Four in Hama Suburb.",
    ],
)
def test_a_title_case_verb_pair_gives_each_count_its_verb(nlp, text):
    found = _claims(nlp, text)
    assert ("killed", 2, "civilian") in found, found
    assert ("injured", 4, "civilian") in found, found


def test_a_lower_case_headline_verb_pair_keeps_the_dead_and_the_wounded_apart(nlp):
    found = _claims(nlp, "Car bomb attacks kill 12 injure dozens in Homs city.")
    assert ("killed", 12, "civilian") in found, found
    assert ("injured", 36, "civilian") in found, found
    assert ("killed", 36, "civilian") not in found, found


def test_a_headline_verb_with_its_own_victim_noun_is_read_as_before(nlp):
    found = _claims(nlp, "Gunmen kill 3 soldiers, wound 5 in an ambush near the dam.")
    assert ("killed", 3, "combatant") in found, found
    assert not any(k == "killed" and v == 5 for k, v, _ in found), found


def test_claiming_lives_counts_the_dead(nlp):
    found = _claims(nlp, "Mortar rounds hit the vegetable market on Friday, claiming three lives and injuring five people.")
    assert ("killed", 3, "civilian") in found, found
    assert ("injured", 5, "civilian") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The car bomb claimed 9 lives in the main square on Sunday.",
        "An air strike claimed lives of nine civilians in the town on Sunday.",
    ],
)
def test_claimed_lives_counts_the_dead(nlp, text):
    assert ("killed", 9, "civilian") in _claims(nlp, text)


def test_a_war_toll_in_lives_stays_background(nlp):
    assert not _claims(nlp, "The war has so far claimed 300,000 lives.")


def test_killed_in_a_suspected_attack_are_victims_not_suspects(nlp):
    found = _claims(nlp, "A video apparently showing a family of four killed in a suspected gas attack in rebel-held western Hama has spread online.")
    assert ("killed", 4, "civilian") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Three men were charged in the murder on Tuesday.",
        "Police said two men suspected in the bombing were arrested.",
    ],
)
def test_suspects_after_a_count_are_still_no_victims(nlp, text):
    assert not any(k == "killed" for k, _, _ in _claims(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Six dead 15 wounded in central Homs car bomb blast.",
        "Six dead, 15 wounded in central Homs car bomb blast.",
        "6 Killed 15 Injured by Rebel Mortar Attacks on Hama City.",
    ],
)
def test_a_verbless_headline_pair_gives_each_count_its_participle(nlp, text):
    found = [(k, v) for k, v, _ in _claims(nlp, text)]
    assert ("killed", 6) in found, found
    assert ("injured", 15) in found, found
    assert ("killed", 15) not in found, found


def test_a_past_verb_before_the_pair_keeps_its_object(nlp):
    found = [(k, v) for k, v, _ in _claims(nlp, "The blast killed 5 wounded 10 in the old market of Homs.")]
    assert ("killed", 5) in found, found
    assert ("injured", 5) not in found, found
