"""Which trigger a count belongs to: in a sentence with a killed and an injured figure, each
count takes the trigger that governs it (its own participle, the nearest verb above it),
not the sentence's first trigger. Also who the counted victims are when the words after
the count describe the attack, not the victims. Sentences are our own."""

from __future__ import annotations

import pytest

from deathtoll.extract import extract_mentions
from deathtoll.model import Document


def claims(nlp, text: str) -> list[tuple[str, int]]:
    ms = extract_mentions(Document(doc_id="a", text=text, published="2016-05-02"), nlp=nlp)
    return sorted((c.kind, c.value) for m in ms for c in m.claims)


def kinds(nlp, text: str) -> dict[str, str]:
    ms = extract_mentions(Document(doc_id="a", text=text, published="2016-05-02"), nlp=nlp)
    return {c.kind: c.victim_kind for m in ms for c in m.claims}


@pytest.mark.parametrize(
    "text, expected",
    [
        # coordinated clauses: the nearest verb above the count governs it
        ("The monitor said 31 people were killed and more than 60 were wounded.", [("injured", 60), ("killed", 31)]),
        ("Seven pupils were killed and another 20 pupils were injured in Hama.", [("injured", 20), ("killed", 7)]),
        # a participle on the count: "another 14 injured", "90 others injured"
        ("Nine civilians were killed and another 14 injured when jets struck a village in Idlib.", [("injured", 14), ("killed", 9)]),
        ("At least 30 people have been killed and more than 90 others injured in a car bomb in Homs.", [("injured", 90), ("killed", 30)]),
        ("At least five people were killed and eight injured by shelling on Homs.", [("injured", 8), ("killed", 5)]),
        ("Six civilians were killed with at least 50 injured, the monitor said.", [("injured", 50), ("killed", 6)]),
        # "X dead and Y injured", "a toll of X dead and Y injured"
        ("State television gave a toll of 35 dead and 120 injured in the blast in Homs.", [("injured", 120), ("killed", 35)]),
        ("The hospital received the bodies of 33 victims as well as 110 injured people.", [("injured", 110), ("killed", 33)]),
        # "left X dead/others wounded", participial "killing X, injuring Y"
        ("Rocket fire on Aleppo killed 4 people and left 22 other people injured.", [("injured", 22), ("killed", 4)]),
        ("The fighters killed 12 soldiers and left four others wounded.", [("injured", 4), ("killed", 12)]),
        ("Shelling on Douma killed 7 persons, injuring 45 others.", [("injured", 45), ("killed", 7)]),
        # "others sustained injuries": the object of a state verb says what befell them
        ("Two militants were killed and two others sustained injuries in clashes.", [("injured", 2), ("killed", 2)]),
        # a headline without commas: the second count is not the first one's victims
        ("4 Soldiers Killed 3 Wounded in Attack near Homs.", [("injured", 3), ("killed", 4)]),
        # "martyrs" are dead victims
        ("The blast hit the market, leaving 40 martyrs and more than 150 others wounded.", [("injured", 150), ("killed", 40)]),
        # "four of its soldiers": the partitive reaches the noun past a possessive
        ("The army said four of its soldiers were killed and four others were injured.", [("injured", 4), ("killed", 4)]),
    ],
)
def test_each_count_takes_its_own_trigger(nlp, text, expected):
    assert claims(nlp, text) == expected


def test_governing_verb_still_wins_over_participle_on_its_subject(nlp):
    # the wounded people are the subject of "died": they count as killed
    assert claims(nlp, "Five people wounded in the blast in Homs died in hospital on Monday.") == [("killed", 5)]


@pytest.mark.parametrize(
    "text",
    [
        "At least seven people died in rebel shelling of a district of Aleppo.",
        "A car bomb on buses killed 43 people on Saturday as allied fighters advanced.",
        "Eight people were killed in army shelling on Douma.",
    ],
)
def test_attackers_named_after_the_count_are_not_the_victims(nlp, text):
    assert kinds(nlp, text)["killed"] == "civilian"


def test_description_of_the_victims_after_the_count_still_counts(nlp):
    assert kinds(nlp, "The blast killed 17 people, most of them rebel fighters, near the border.")["killed"] == "combatant"
