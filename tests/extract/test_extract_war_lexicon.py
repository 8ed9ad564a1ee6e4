"""War-reporting lexicon rules: composed actor aliases, generic "terrorists", the document's
armed party as doer of unattributed strikes, victim words of pro-government outlets.
All sentences are written for these tests."""

from __future__ import annotations

import pytest

from deathtoll.extract import extract_mentions
from deathtoll.extract.lexicon import composed_aliases, load_lexicon
from deathtoll.model import Document


def mentions(nlp, text: str):
    return extract_mentions(Document(doc_id="w", text=text, source="Test Wire"), nlp=nlp)


def _actor_ids(text: str) -> list[str]:
    return [a.actor_id for _, _, a in load_lexicon().find_actors(text)]


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Regime raids hit the old market.", "syrian_government"),
        ("A Russian air strike hit the bakery.", "russia"),
        ("Turkish shelling hit the village.", "turkey"),
        ("US strikes destroyed the bridge.", "international_coalition"),
        ("The coalitions airstrikes hit the dam.", "international_coalition"),
        ("Rebel shelling hit the western district.", "syrian_opposition"),
    ],
)
def test_composed_alias_names_the_actor(text, actor):
    assert _actor_ids(text) == [actor]


def test_composed_aliases_keep_the_pronoun_us_apart():
    assert _actor_ids("They told us strikes would stop.") == []
    pairs = composed_aliases({"nouns": {"air": ["raids"]}, "actors": {"x": {"modifiers": ["regime"], "modifiers_cs": ["US"], "nouns": ["air"]}}})
    assert ("regime raids", "x", False) in pairs and ("US raids", "x", True) in pairs
    assert ("regimes raids", "x", False) in pairs  # text that lost its apostrophes


def test_terrorists_is_not_an_actor_name(nlp):
    assert load_lexicon().actor_for_alias("terrorists") is None
    (m,) = mentions(nlp, "Terrorists fired rockets at the market, killing four civilians.")
    assert m.perpetrator.actor_id == "unknown"


def test_unattributed_air_strike_goes_to_the_reports_armed_party(nlp):
    text = (
        "Government forces have besieged the town of Kafr Nabudah for weeks.\n"
        "Aid agencies say flour is running out.\n"
        "The local council asked for an open road.\n"
        "The school has been closed since spring.\n"
        "On Monday air strikes on the market killed 12 people."
    )
    (m,) = mentions(nlp, text)
    assert m.perpetrator.actor_id == "syrian_government"
    assert m.claims[0].victim_kind == "civilian"


def test_unattributed_rocket_fire_is_not_credited_to_anyone(nlp):
    text = (
        "Government forces have besieged the town of Kafr Nabudah for weeks.\n"
        "Aid agencies say flour is running out.\n"
        "The local council asked for an open road.\n"
        "The school has been closed since spring.\n"
        "On Monday rockets hit the market, killing 12 people."
    )
    (m,) = mentions(nlp, text)
    assert m.perpetrator.actor_id == "unknown"


def test_killed_terrorists_are_combatants(nlp):
    (m,) = mentions(nlp, "Army units killed 35 terrorists near the dam on Sunday.")
    assert m.claims[0].victim_kind == "combatant"
    assert m.perpetrator.actor_id == "syrian_government"


def test_medics_are_civilians(nlp):
    (m,) = mentions(nlp, "Four medics were killed when an air strike hit the clinic.")
    assert m.claims[0].victim_kind == "civilian"


def test_the_agent_after_by_does_not_describe_the_victims(nlp):
    (m,) = mentions(nlp, "Three people were killed and nine injured by terrorists shelling the district.")
    killed = [c for c in m.claims if c.kind == "killed"]
    assert killed and all(c.victim_kind != "combatant" for c in killed)


def test_people_killed_in_an_attack_on_a_village_are_civilians(nlp):
    (m,) = mentions(nlp, "Two people were killed as armed men attacked the village of Tal Hamra.")
    assert m.claims[0].victim_kind == "civilian"


def test_bodies_shown_on_a_video_are_not_assumed_civilians(nlp):
    text = "A second video showed dozens of bodies lying in a row in the sand."
    for m in mentions(nlp, text):
        assert all(c.victim_kind != "civilian" for c in m.claims)
    (m,) = mentions(nlp, "Shells hit the market in Douma, killing 9 people.")
    assert m.claims[0].victim_kind == "civilian"  # people killed in an attack on a place still are
