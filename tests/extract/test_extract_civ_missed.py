"""Victims the extractor used to miss or leave without a side (issue 3, civilians): attributive
"displaced", "citizens" and nationality plurals, "lost their lives", "a day after".
All sentences are written for these tests."""

from __future__ import annotations

import pytest

from extract_samples import claims_by_side as _claims


def test_displaced_before_a_person_noun_describes_the_victims(nlp):
    found = _claims(nlp, "A truck bomb killed at least 14 displaced people at a camp near the border on Monday.")
    assert ("killed", 14, "civilian") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Police said four men were arrested after the bombing.",
        "Nine people displaced by the fighting were sheltering in the school.",
    ],
)
def test_arrested_or_displaced_after_the_count_are_no_victims(nlp, text):
    assert not any(k == "killed" for k, _, _ in _claims(nlp, text))


def test_citizens_killed_in_shelling_are_civilians(nlp):
    found = _claims(nlp, "Mortar shells fired at the old quarter killed 7 citizens and injured 15 on Tuesday.")
    assert ("killed", 7, "civilian") in found, found


def test_citizens_martyred_in_a_bombing_are_civilians(nlp):
    found = _claims(nlp, "Four citizens were martyred in a car bombing near the bus station, the governor said.")
    assert ("killed", 4, "civilian") in found, found


def test_a_nationality_plural_killed_in_a_gas_attack_is_civilian(nlp):
    found = _claims(nlp, "At least nine Syrians have been killed in a toxic gas attack on the eastern quarter.")
    assert ("killed", 9, "civilian") in found, found


def test_a_nationality_plural_in_a_clash_keeps_no_side(nlp):
    found = _claims(nlp, "Eleven Iraqis died in clashes between the two militias near the crossing, officials said.")
    assert ("killed", 11, "unknown") in found, found


def test_people_who_lost_their_lives_are_the_dead(nlp):
    found = _claims(nlp, "At least 23 people lost their lives and 60 others sustained injuries when two bombs went off in the square.")
    assert ("killed", 23, "civilian") in found, found
    assert ("injured", 60, "civilian") in found, found


def test_soldiers_who_lost_their_lives_are_counted(nlp):
    found = _claims(nlp, "Three soldiers lost their lives in the ambush, the ministry said.")
    assert ("killed", 3, "combatant") in found, found


def test_a_day_after_dates_the_event_and_is_no_rate(nlp):
    found = _claims(nlp, "Twelve civilians were killed in air raids on the town a day after rebels downed a helicopter, a monitor said.")
    assert ("killed", 12, "civilian") in found, found


def test_a_day_after_a_figure_is_still_a_rate(nlp):
    found = _claims(nlp, "The siege killed 40 people a day in the old city, a charity said.")
    assert not any(v == 40 for _, v, _ in found), found


def test_the_killing_of_a_person_is_a_death_and_the_injury_of_others_a_wound(nlp):
    found = _claims(nlp, "The mortar round led to the killing of two people and the injury of 25 others in the old souk.")
    assert ("killed", 2, "civilian") in found, found
    assert ("injured", 25, "civilian") in found, found


def test_suspects_charged_in_a_killing_are_no_victims(nlp):
    found = _claims(nlp, "Detectives said the driver named himself and a second man in the killing.")
    assert not any(k == "killed" for k, _, _ in found), found


def test_a_killing_verb_still_counts_its_object(nlp):
    found = _claims(nlp, "Gunmen stormed the village, killing nine people, residents said.")
    assert ("killed", 9, "civilian") in found, found


def test_one_child_after_a_count_of_fighters_is_a_victim_of_his_own(nlp):
    found = _claims(nlp, "The raid on the base killed 12 militants and a boy who lived nearby, the monitor said.")
    assert ("killed", 12, "combatant") in found, found
    assert ("killed", 1, "civilian") in found, found


def test_a_man_inside_a_toll_is_still_no_claim_of_his_own(nlp):
    found = _claims(nlp, "A woman who was hurt in the blast has died, raising the death toll to four.")
    assert ("killed", 4, "unknown") in found or ("killed", 4, "civilian") in found, found
    assert not any(v == 1 for _, v, _ in found), found


def test_the_death_toll_figure_is_the_dead_though_a_wound_word_follows(nlp):
    found = _claims(nlp, "The death toll from the rocket fire on the district rose to 6 civilians in addition to 19 injured, police said.")
    assert ("killed", 6, "civilian") in found, found
    assert ("injured", 19, "unknown") in found or ("injured", 19, "civilian") in found, found
    assert ("injured", 6, "civilian") not in found, found


def test_the_setting_of_a_killing_is_not_the_victims_side(nlp):
    found = _claims(
        nlp,
        "Two pupils were among seven people killed in army shelling on Sunday despite a truce in the besieged rebel district.",
    )
    assert ("killed", 7, "civilian") in found, found


def test_fighters_named_in_a_relative_clause_keep_their_side(nlp):
    found = _claims(nlp, "The ministry said it killed 40 men who were fighting for the rebels near the dam.")
    assert ("killed", 40, "combatant") in found, found


def test_a_bare_shelling_figure_in_a_headline_is_civilian(nlp):
    found = _claims(nlp, "5 Killed 30 Injured in Rocket Shelling on Residential Quarters of the City.")
    assert ("killed", 5, "civilian") in found, found


def test_a_vague_shelling_figure_stays_unknown(nlp):
    found = _claims(nlp, "Dozens killed as rocket shells hit the front line.")
    assert all(vk != "civilian" for _, _, vk in found), found


def test_a_death_toll_far_from_its_figure_still_counts_the_dead(nlp):
    found = _claims(
        nlp,
        "The death toll from the rocket fire by the armed groups on the eastern quarter of the old city rose to 9 civilians besides 14 injured, a police source said.",
    )
    assert ("killed", 9, "civilian") in found, found


def test_a_raised_death_toll_after_the_wounded_counts_the_dead(nlp):
    found = _claims(nlp, "Forty people were wounded in the explosion, which raised the death toll to 17.")
    assert ("injured", 40, "civilian") in found, found
    assert any(k == "killed" and v == 17 for k, v, _ in found), found
    assert not any(k == "injured" and v == 17 for k, v, _ in found), found
