"""The cached lemmatizer must give spaCy's rule lemmatizer's lemmas, token for token."""

from __future__ import annotations

import pytest

from deathtoll.extract.fastlemma import FACTORY_NAME, install_cached_lemmatizer

TEXTS = [
    "Gunmen shot dead three guards and wounded two others at the checkpoint on Friday.",
    "The shelling killed 12 people; rescuers were still digging through the rubble of the houses.",
    "She's been saying they'd flee, but the men who stayed were beaten and their wives were taken.",
    "Better and worse: the best-known fighters fled faster than the slowest children could run.",
    "Officials said  the  toll rose to 40.\n\nAIR STRIKES KILL 40 IN RAQQA\tMonitor says bodies were found.",
    "Ain't nobody gonna stop 'em, said the mayor's aides, who've seen the mass graves.",
]


def _lemmas(doc) -> list[tuple[str, str, str, str]]:
    return [(t.text, t.pos_, str(t.morph), t.lemma_) for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    from deathtoll.extract.mentions import load_nlp

    return load_nlp(fast_attrs=False), load_nlp()


def test_the_pipeline_uses_it_by_default(pipelines) -> None:
    original, cached = pipelines
    assert "lemmatizer" in original.pipe_names and FACTORY_NAME not in original.pipe_names
    assert FACTORY_NAME in cached.pipe_names and "lemmatizer" not in cached.pipe_names
    # at the lemmatizer's place: after the attribute rules, before the entities
    names = cached.pipe_names
    assert names.index("deathtoll_fast_attrs") < names.index(FACTORY_NAME) < names.index("ner")


@pytest.mark.parametrize("text", TEXTS)
def test_same_lemmas_as_spacy(pipelines, text: str) -> None:
    original, cached = pipelines
    assert _lemmas(cached(text)) == _lemmas(original(text))


def test_same_lemmas_from_the_memory(pipelines) -> None:
    original, cached = pipelines
    # the second time every signature is remembered: the lemmas must not change
    first = [_lemmas(d) for d in cached.pipe(TEXTS)]
    again = [_lemmas(d) for d in cached.pipe(TEXTS)]
    assert again == first == [_lemmas(d) for d in original.pipe(TEXTS)]


def test_known_lemmas(pipelines) -> None:
    _, cached = pipelines
    doc = cached("Gunmen shot dead three guards and wounded two others.")
    by_text = {t.text: t.lemma_ for t in doc}
    assert (by_text["shot"], by_text["guards"], by_text["wounded"], by_text["others"]) == ("shoot", "guard", "wound", "other")


def test_second_install_refused(pipelines) -> None:
    _, cached = pipelines
    names = list(cached.pipe_names)
    assert install_cached_lemmatizer(cached) is False
    assert cached.pipe_names == names
