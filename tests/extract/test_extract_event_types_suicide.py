"""'Suicide' alone is no bombing and 'shot in the head' no execution. Sentences are our own."""

from __future__ import annotations

from deathtoll.extract import extract_mentions
from deathtoll.model import Document


def types(nlp, text: str) -> set[str]:
    return {m.event_type for m in extract_mentions(Document(doc_id="et", text=text, published="2016-05-02"), nlp=nlp)}


def test_murder_suicide_is_a_shooting(nlp) -> None:
    assert types(nlp, "A man shot and killed his wife and then himself in a murder-suicide in Arden on Monday.") == {"shooting"}


def test_shot_in_the_head_is_a_shooting(nlp) -> None:
    assert types(nlp, "A 15-year-old boy was shot in the head and killed in Arden on Monday.") == {"shooting"}


def test_suicide_bomber_is_a_bombing(nlp) -> None:
    assert types(nlp, "A suicide bomber blew himself up at a checkpoint near Arden, killing six guards.") == {"bombing"}


def test_captives_executed_stay_an_execution(nlp) -> None:
    assert types(nlp, "The militants executed 12 captives near Arden on Monday.") == {"execution"}
