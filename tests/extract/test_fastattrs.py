"""The compiled attribute ruler must annotate exactly like spaCy's AttributeRuler."""

from __future__ import annotations

import pytest
import spacy

from deathtoll.extract.fastattrs import FACTORY_NAME, install_fast_attribute_ruler

SENTENCES = [
    "They ain't gonna stop the convoy, and it's not clear why.",
    "Let's say she'd have gone if he hadn't. We gotta leave, y'all.",
    "I told you it was him; you gave it to me and I kept it.",
    "There's a market where 12 people were killed.\n\nPolice said  nothin' more.",
    "Is it true that those who did it have fled? Do they know?\n",
    "The  rebels  had   attacked the town twice , officials said .\t Which one ?",
    "C'mon, that ol' truck's gonna break, isn't it? Gimme 'em all.",
]


def _signature(doc) -> list[tuple]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i,
         t.ent_type_, t.is_sent_start)
        for t in doc
    ]


@pytest.fixture(scope="module")
def pipelines():
    from deathtoll.extract.mentions import load_nlp

    original = load_nlp(fast_attrs=False)
    fast = load_nlp(fast_attrs=False)
    assert install_fast_attribute_ruler(fast) is True
    return original, fast


def test_the_pipeline_uses_it_by_default() -> None:
    from deathtoll.extract.mentions import load_nlp

    names = load_nlp().pipe_names
    assert FACTORY_NAME in names and "attribute_ruler" not in names


def test_replaces_attribute_ruler_in_place(pipelines) -> None:
    original, fast = pipelines
    expected = [FACTORY_NAME if n == "attribute_ruler" else n for n in original.pipe_names]
    assert fast.pipe_names == expected


@pytest.mark.parametrize("text", SENTENCES)
def test_same_annotations_as_spacy(pipelines, text: str) -> None:
    original, fast = pipelines
    assert _signature(fast(text)) == _signature(original(text))


def test_known_rule_effects(pipelines) -> None:
    _, fast = pipelines
    doc = fast("They ain't gonna stop it.")
    by_text = {t.text: t for t in doc}
    assert by_text["ai"].lemma_ == "be"
    assert by_text["n't"].pos_ == "PART"
    assert by_text["n't"].lemma_ == "not"
    assert by_text["gon"].lemma_ == "go"
    assert by_text["na"].lemma_ == "to"


def test_second_install_refused(pipelines) -> None:
    _, fast = pipelines
    names = list(fast.pipe_names)
    assert install_fast_attribute_ruler(fast) is False
    assert fast.pipe_names == names


def _blank_with_rules(patterns: list[dict]) -> spacy.language.Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp


BLANK_RULES = [
    {"patterns": [[{"LOWER": {"IN": ["shot", "shelled"]}}]],
     "attrs": {"LEMMA": "attack", "POS": "VERB", "MORPH": "Tense=Past|VerbForm=Fin"}},
    {"patterns": [[{"ORTH": "Shot"}]], "attrs": {"LEMMA": "SHOT"}},
    {"patterns": [[{"LOWER": "car"}, {"LOWER": "bomb"}]],
     "attrs": {"LEMMA": "car-bomb"}, "index": -1},
    {"patterns": [[{"LOWER": {"REGEX": "^\\d+$"}, "IS_SPACE": False}]],
     "attrs": {"POS": "NUM", "TAG": "CD"}},
    {"patterns": [[{"TAG": "CD"}]], "attrs": {"POS": "X"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE", "TAG": "_SP"}},
    {"patterns": [[{"LOWER": {"NOT_IN": ["the", "a"]}, "TEXT": {"REGEX": "^[a-z]"}}]],
     "attrs": {"MORPH": "Foo=Bar"}},
]


def test_blank_pipeline_matches_spacy_precedence() -> None:
    text = "Shot and shelled: 3 died  when a car bomb hit the car bomb depot 12 times."
    original = _blank_with_rules(BLANK_RULES)
    fast = _blank_with_rules(BLANK_RULES)
    assert install_fast_attribute_ruler(fast) is True
    a, b = original(text), fast(text)
    assert _signature(b) == _signature(a)
    shot = b[0]
    assert shot.lemma_ == "SHOT"  # the later rule wins for LEMMA ...
    assert shot.pos_ == "VERB"  # ... and the earlier one still sets POS
    assert [t.lemma_ for t in b if t.lower_ == "bomb"] == ["car-bomb", "car-bomb"]
    assert b[4].pos_ == "NUM"  # matched on the original tag, not the rule-set "CD"


@pytest.mark.parametrize(
    "rule",
    [
        {"patterns": [[{"LOWER": "gun", "OP": "+"}]], "attrs": {"LEMMA": "gun"}},
        {"patterns": [[{"LENGTH": {">=": 3}}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"SHAPE": "dd"}]], "attrs": {"POS": "NUM"}},
        {"patterns": [[{"LOWER": {"FUZZY": "attack"}}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"LOWER": "x"}]], "attrs": {"NORM": "y"}},
        {"patterns": [[{"LOWER": "x"}, {"LOWER": "y"}]], "attrs": {"POS": "X"}, "index": 2},
    ],
)
def test_unsupported_pattern_leaves_pipeline_untouched(rule: dict) -> None:
    nlp = _blank_with_rules([BLANK_RULES[0], rule])
    ruler = nlp.get_pipe("attribute_ruler")
    assert install_fast_attribute_ruler(nlp) is False
    assert nlp.pipe_names == ["attribute_ruler"]
    assert nlp.get_pipe("attribute_ruler") is ruler


def test_missing_ruler_returns_false() -> None:
    nlp = spacy.blank("en")
    assert install_fast_attribute_ruler(nlp) is False
    assert nlp.pipe_names == []
