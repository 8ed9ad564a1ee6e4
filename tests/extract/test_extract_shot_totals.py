"""People shot vs people dead (extract/shots.py): a report's hit total minus its stated
deaths is the injured count; "found shot in the head" is a death; "two remain in hospital
with wounds" are injured. Sentences are our own."""

from __future__ import annotations

import pytest

from deathtoll.extract import extract_mentions
from deathtoll.extract.shots import fatal_subsets, found_shot_dead
from deathtoll.model import Document
from deathtoll.reconcile import reconcile


def _mentions(nlp, text: str):
    return extract_mentions(Document(doc_id="s", text=text, published="2015-03-02"), nlp=nlp)


def claims(nlp, text: str) -> list[tuple[str, int]]:
    return sorted((c.kind, c.value) for m in _mentions(nlp, text) for c in m.claims)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a fatal subset right after the total: total - dead injured, and the dead counted
        ("Six people were shot at a cookout in Dunmore on Saturday. Two of them died at the hospital.",
         [("injured", 4), ("killed", 2)]),
        ("Police said three teenagers were shot near the skate park. One of the boys later died.",
         [("injured", 2), ("killed", 1)]),
        # a stated death figure for the same incident
        ("Two women were shot in a parking lot in Elmton late Friday. One woman died on Saturday.",
         [("injured", 1), ("killed", 1)]),
        # everyone hit died: no injured left
        ("Deputies found four people with gunshot wounds in the farmhouse. All four are dead, the sheriff said.",
         [("killed", 4)]),
    ],
)
def test_hit_total_minus_deaths(nlp, text, expected):
    assert claims(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a complement is not a total: "two other people" were hit besides the dead man
        ("A man was killed on Birch Lane on Monday. Two other people were shot and taken to a hospital.",
         [("injured", 2), ("killed", 1)]),
        # more dead than hit: the figures are not about the same people, nothing changes
        ("One man was shot in the arm on Tuesday. Three people were killed at the motel on Monday.",
         [("injured", 1), ("killed", 3)]),
        # no death stated: the hit total stays as injured
        ("Five people were shot outside a club in Ferris early Sunday, police said.", [("injured", 5)]),
    ],
)
def test_hit_total_left_alone(nlp, text, expected):
    assert claims(nlp, text) == expected


def test_found_shot_in_the_head_is_a_death(nlp):
    assert claims(nlp, "Three men were found shot in the head in a garage in Holt on Monday.") == [("killed", 3)]
    assert found_shot_dead("The two were found shot in the face behind the store.")
    assert not found_shot_dead("A man was found shot in the head and rushed to the hospital in critical condition.")


def test_survivors_with_wounds_are_injured(nlp):
    assert claims(nlp, "Four died and three remain in hospital with wounds after the attack in Brill.") == [
        ("injured", 3), ("killed", 4)]
    assert claims(nlp, "Two men died and one was in stable condition with gunshot wounds.") == [
        ("injured", 1), ("killed", 2)]


def test_fatal_subsets_offsets():
    text = "Eight were shot. Three of the victims were pronounced dead. Ten of them left town."
    assert [(n, text[a:e]) for n, a, e in fatal_subsets(text)] == [(3, "Three")]


def test_reconciled_injured_is_the_survivors(nlp):
    # the document's highest injured figure is now the survivors, not the hit total
    r = reconcile(_mentions(nlp, "Seven people were shot at a party in Lorne on Sunday. Three of them died."))
    assert (r.fatalities.best, r.injured.best) == (3, 4)
