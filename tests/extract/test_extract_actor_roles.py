"""Which named side did it: a name before a participle is the doer, "a series of" is no
victim affiliation, "shelling by X fighters" names the doer, a target inside the subject
phrase never acts, "blamed on" names the accused, a headline verb is no target noun, and
a chemical attack with no doer in its sentence goes to the report's main armed party, and the
side others are battling is who they fight.
All sentences are written for these tests."""

from __future__ import annotations

from deathtoll.extract import extract_mentions
from deathtoll.geo import get_gazetteer
from deathtoll.model import Document

from extract_samples import perpetrator_of


def test_name_before_a_participle_is_the_doer(nlp):
    text = "Coalition air strikes killed at least 14 Islamic State fighters near a dam on Friday."
    assert perpetrator_of(nlp, text) == "international_coalition"


def test_series_of_strikes_is_no_victim_affiliation(nlp):
    text = "Some 40 Daesh extremists were killed in a series of Russian air strikes overnight, the ministry said."
    assert perpetrator_of(nlp, text) == "russia"


def test_shelling_by_named_fighters_names_the_doer(nlp):
    text = "Two women were killed in mortar shelling by ISIS militants on a market, activists said."
    assert perpetrator_of(nlp, text) == "islamic_state"


def test_target_inside_the_subject_never_acts(nlp):
    text = "Overnight raids on the Islamic State group's stronghold killed 9 civilians, a monitor said."
    assert perpetrator_of(nlp, text) != "islamic_state"


def test_blamed_on_names_the_accused(nlp):
    text = "In a gas attack blamed on the Assad regime, some 40 villagers were killed on Monday."
    assert perpetrator_of(nlp, text) == "syrian_government"


def test_forces_loyal_to_the_president_are_the_government(nlp):
    text = "Paris says forces loyal to President Bashar al-Assad were behind the raid in which 30 people were killed."
    assert perpetrator_of(nlp, text) == "syrian_government"


def test_headline_verb_is_no_target_noun(nlp):
    text = "Syrian Air Force Targets ISIS Near Palmyra 12 Terrorists Killed."
    assert perpetrator_of(nlp, text) == "syrian_government"


def test_chemical_attack_goes_to_the_reports_main_armed_party(nlp):
    text = (
        "The regime has denied using poison gas before. Regime forces pressed their offensive on the town. "
        "The regime said it had not used chemical weapons. "
        "At least 31 people died in a chlorine gas attack on the village on Tuesday, medics said."
    )
    ms = extract_mentions(Document(doc_id="ar2", text=text, source="Test Wire"), nlp=nlp, is_place=get_gazetteer().is_place)
    chem = [m for m in ms if m.event_type == "chemical_attack"]
    assert chem and chem[0].perpetrator.actor_id == "syrian_government"


def test_the_weapon_named_inside_the_victims_phrase_names_the_doer(nlp):
    text = "Three farmers were among nine people killed in regime shelling near the river on Monday."
    assert perpetrator_of(nlp, text) == "syrian_government"


def test_group_before_a_target_noun_keeps_the_target(nlp):
    text = "Rockets fired at the IS group headquarters killed nine people, a monitor said."
    assert perpetrator_of(nlp, text) != "islamic_state"


def test_kurdish_militants_are_the_kurdish_forces(nlp):
    text = "Kurdish militants killed 14 jihadist fighters in clashes near the border town on Friday."
    assert perpetrator_of(nlp, text) == "kurdish_forces"


def test_the_side_others_are_battling_did_not_do_the_killing(nlp):
    # the fighters' enemy is named, the bomber is not: nobody named did it
    text = "A roadside bomb killed six people near a checkpoint of units battling the Islamic State group, a monitor said."
    assert perpetrator_of(nlp, text) != "islamic_state"
    text = "A bomb killed six villagers in the east, where tribal fighters are battling Islamic State militants."
    assert perpetrator_of(nlp, text) != "islamic_state"
