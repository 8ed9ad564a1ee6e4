"""A report of a shooting that states no count still yields one mention (for linking)."""

from __future__ import annotations

import pytest

from deathtoll.extract import extract_mentions
from deathtoll.model import Document


def test_report_without_a_count_gets_one_mention_without_claims(nlp):
    text = ("Deputies were called to a farmhouse on Birch Road in Marlow on Sunday.\n"
            "Investigators said the shooting appears to have been accidental.\n"
            "Neighbours described the family as quiet.")
    ms = extract_mentions(Document(doc_id="fb", text=text, published="2016-05-02"), nlp=nlp)
    assert len(ms) == 1 and ms[0].claims == ()
    assert "shooting" in ms[0].quote


def test_report_with_a_count_gets_no_fallback(nlp):
    text = "Two men were shot dead outside a bar in Marlow on Sunday, police said.\nThe bar was closed."
    ms = extract_mentions(Document(doc_id="fc", text=text, published="2016-05-02"), nlp=nlp)
    assert ms and all(m.claims for m in ms)


def test_named_victims_are_carried_on_mentions(nlp):
    text = "Police said Carla Ruiz, 27, was shot and killed outside a bar in Marlow on Sunday."
    (m,) = extract_mentions(Document(doc_id="fd", text=text, published="2016-05-02"), nlp=nlp)
    assert m.persons == ("carla ruiz",)


def test_report_that_nobody_was_hurt_gets_no_fallback(nlp):
    text = "Shots were fired at a store on Birch Road in Marlow on Sunday.\nNo one was hurt, police said."
    assert extract_mentions(Document(doc_id="fe", text=text, published="2016-05-02"), nlp=nlp) == []


def test_no_one_else_hurt_still_gets_a_fallback(nlp):
    text = "A teen was found with a gunshot wound at a home in Marlow on Sunday.\nNo one else was hurt, police said."
    ms = extract_mentions(Document(doc_id="ff", text=text, published="2016-05-02"), nlp=nlp)
    assert len(ms) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Mara Olsen opened the scoring in the 30th minute with a low shot from the edge of the box.",
        "The director's new film, shot over six weeks in Lisbon, opens in May.",
        "The striker shot wide twice before the break, and the coach said the team had no rhythm.",
    ],
)
def test_no_fallback_for_a_shot_that_hits_no_one(nlp, text):
    assert extract_mentions(Document(doc_id="fe", text=text, published="2016-05-02"), nlp=nlp) == []


@pytest.mark.parametrize(
    "text",
    [
        "A man was shot outside a bar on Elm Street late Friday, police said.",
        "Police said a gunman shot him twice near the station on Monday.",
        "Officers are investigating a shooting on Elm Street that sent a teen to hospital.",
    ],
)
def test_fallback_for_a_shot_that_hits_a_person(nlp, text):
    (m,) = extract_mentions(Document(doc_id="ff", text=text, published="2016-05-02"), nlp=nlp)
    assert m.event_type == "shooting"
