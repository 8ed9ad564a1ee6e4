"""Counts with a predicate of their own, shooters in relative clauses, possessed numbers and
"killed X and himself". Sentences are our own."""

from __future__ import annotations

from extract_samples import tolls

from deathtoll.extract import extract_mentions
from deathtoll.extract.counts import find_counts
from deathtoll.model import Document


def test_critical_condition_clause_does_not_take_the_dead_of_its_neighbour(nlp) -> None:
    text = ("BRILL -- One teenager is dead, one man is listed in serious condition and four are being "
            "treated for lesser wounds following gunfire outside a diner late Saturday.")
    assert tolls(nlp, text) == [("injured", 4), ("killed", 1)]


def test_dead_count_with_its_own_clause_stays(nlp) -> None:
    assert tolls(nlp, "Two men were killed and three others are being treated at a hospital in Brill.") == [("killed", 2)]


def test_shooter_in_a_relative_clause_is_not_a_victim(nlp) -> None:
    text = ("A man who deputies say shot and killed his 4-year-old nephew before shooting himself had been released"
            " from jail a week earlier.")
    ms = extract_mentions(Document(doc_id="t", text=text, published="2016-05-02"), nlp=nlp)
    assert all(not c.number_text.startswith("A man") for m in ms for c in m.claims)


def test_victim_of_a_relative_clause_stays(nlp) -> None:
    assert tolls(nlp, "A woman who was shot outside a store in Brill on Friday died on Sunday.") == [("killed", 1)]


def test_killed_someone_and_himself_counts_the_shooter(nlp) -> None:
    assert tolls(nlp, "Deputies say the father killed the girl and himself inside the house in Brill.") == [("killed", 2)]


def test_a_possessed_number_closing_its_phrase_is_no_count() -> None:
    assert [c.value for c in find_counts("They were celebrating her cousin's sweet sixteen.")] == []
    assert [c.value for c in find_counts("The guests had come for his fifty.")] == []


def test_a_possessed_count_of_people_stays() -> None:
    assert [c.value for c in find_counts("The city's 16 victims were remembered on Sunday.")] == [16]
