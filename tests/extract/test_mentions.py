"""Sentence rules of the extractor, on sentences written for these tests."""

from __future__ import annotations

import pytest

from deathtoll.extract import extract_mentions, is_relevant
from deathtoll.model import Document


def mentions(nlp, text: str, **doc_fields):
    doc = Document(doc_id="t", text=text, source=doc_fields.pop("source", "Test Wire"), **doc_fields)
    return extract_mentions(doc, nlp=nlp)


def claims(nlp, text: str, **kw):
    return [c for m in mentions(nlp, text, **kw) for c in m.claims]


def test_extract_qualified_count_with_monitor_claimant(nlp):
    (c,) = claims(nlp, "Gunmen killed at least 14 villagers in Kafr Zita on Tuesday, the Syrian Observatory for Human Rights said.")
    assert (c.kind, c.low, c.high, c.qualifier, c.victim_kind) == ("killed", 14, None, "at least", "civilian")
    assert c.claimant == "the Syrian Observatory for Human Rights" and c.claimant_kind == "monitor"
    assert c.quote.startswith("Gunmen killed") and c.number_text == "at least 14"


def test_extract_offsets_point_into_the_document(nlp):
    text = "Headline here\n\nA car bomb killed 9 people in a market near Baghdad, police said."
    (m,) = mentions(nlp, text)
    (c,) = m.claims
    assert text[c.start : c.end] == c.quote
    assert text[c.number_start : c.number_end] == c.number_text == "9"
    assert m.event_type == "bombing"
    assert c.claimant_kind == "official"


def test_extract_background_toll_is_not_an_event(nlp):
    assert mentions(nlp, "The war has killed more than 300,000 people since 2011, according to monitors.") == []


def test_extract_negation_and_hypothetical_give_no_claims(nlp):
    assert mentions(nlp, "No one was killed when the shells hit the empty school.") == []
    assert mentions(nlp, "Officials warned that a ground assault could kill hundreds of civilians.") == []


@pytest.mark.parametrize("alias", ["IS", "ISIS", "ISIL", "Daesh", "Islamic State"])
def test_extract_perpetrator_aliases_are_one_actor(nlp, alias):
    (m,) = mentions(nlp, f"{alias} executed 30 prisoners near the dam on Friday.")
    assert m.perpetrator.actor_id == "islamic_state"
    assert m.event_type == "execution"


def test_extract_executed_soldiers_are_prisoners_and_victim_side_is_not_perpetrator(nlp):
    (m,) = mentions(nlp, "The militants executed 25 regime soldiers in the amphitheatre, the group said.")
    (c,) = m.claims
    assert c.victim_kind == "prisoner"
    assert m.perpetrator.actor_id != "syrian_government"


def test_extract_passive_agent_is_the_perpetrator(nlp):
    (m,) = mentions(nlp, "At least 12 residents were killed by government forces after they retook the town.")
    assert m.perpetrator.actor_id == "syrian_government"
    assert m.claims[0].victim_kind == "civilian"


def test_extract_unknown_perpetrator(nlp):
    (m,) = mentions(nlp, "Two people died after their car hit a landmine outside the village.")
    assert m.perpetrator.actor_id == "unknown"


def test_extract_including_children_is_a_subgroup_claim(nlp):
    cs = claims(nlp, "The air strikes killed 40 civilians, including 11 children, in the market.")
    by_value = {c.value: c for c in cs}
    assert by_value[40].subgroup is None
    assert by_value[11].subgroup == "children"


def test_extract_several_claims_in_one_text_and_perpetrator_claim(nlp):
    text = (
        "The group killed more than 160 captured soldiers near the air base. "
        "Some reports put the number at around 250. "
        "A statement posted online claimed the militants killed about 200 prisoners."
    )
    cs = claims(nlp, text)
    found = {(c.qualifier, c.value) for c in cs}
    assert ("more than", 160) in found and ("around", 250) in found and ("around", 200) in found
    perp = [c for c in cs if c.value == 200]
    assert perp and perp[0].claimant_kind == "perpetrator"


def test_extract_number_words_and_injuries(nlp):
    cs = claims(nlp, "Police said three men were killed and twelve others were wounded in the shooting.")
    kinds = {(c.kind, c.value) for c in cs}
    assert ("killed", 3) in kinds and ("injured", 12) in kinds


def test_extract_separate_incident_is_marked(nlp):
    text = "Fighters executed 300 soldiers at the base. In a separate incident, they executed 40 prisoners in a village."
    ms = mentions(nlp, text)
    assert [m.separate for m in ms] == [False, True]


def test_extract_population_and_ages_are_not_tolls(nlp):
    assert mentions(nlp, "The town had a population of about 18,000 before fighters killed its mayor.") == []
    cs = claims(nlp, "The man, 34, died at the hospital, and two others were killed.")
    assert [c.value for c in cs] == [2]


def test_extract_prefilter_skips_irrelevant_text():
    assert not is_relevant("The council approved the budget for the new library on Monday.")
    assert is_relevant("A bomb killed four people.")


def test_extract_victims_named_one_by_one_count_as_named(nlp):
    cs = claims(nlp, "Jordan Ellis, 19, died after he was shot outside a store on Friday.")
    assert [(c.kind, c.value, c.qualifier) for c in cs] == [("killed", 1, "named")]
    assert cs[0].is_vague  # a part of the toll, not a figure for it


def test_extract_shot_without_death_is_an_injury(nlp):
    (c,) = claims(nlp, "Five people were shot near the park late Saturday, police said.")
    assert (c.kind, c.value) == ("injured", 5)


def test_extract_hospital_town_is_not_the_event_place(nlp):
    (m,) = mentions(nlp, "Two men were killed in Chicago and a third died at a hospital in Evanston.")
    assert [t.text for t in m.place_texts if m.start <= t.start < m.end] == ["Chicago"]


def test_extract_people_killed_in_an_air_strike_are_civilians(nlp):
    (c,) = claims(nlp, "An air strike on the market killed 17 people on Sunday, the monitor said.")
    assert c.victim_kind == "civilian"
    (c,) = claims(nlp, "Clashes in the hills left 17 fighters dead on Sunday, the monitor said.")
    assert c.victim_kind == "combatant"


def test_extract_date_of_the_statement_is_not_the_event_date(nlp):
    (m,) = mentions(nlp, "Militants killed 30 villagers over two weeks in June, the monitor said on Monday.")
    texts = [t.text for t in m.date_texts]
    assert not any("Monday" in t for t in texts) and "in June" in texts


def test_extract_page_timestamps_are_not_event_dates(nlp):
    text = "Web desk 23:40 23.10.2017 (updated 23:42 23.10.2017)\nGunmen killed 14 villagers in the market, a monitor said."
    (m,) = mentions(nlp, text)
    assert not any("23.10.2017" in t.text for t in m.date_texts)
