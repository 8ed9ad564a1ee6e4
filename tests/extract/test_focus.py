"""Which sentences get parsed (extract.focus), on reports written for these tests."""

from __future__ import annotations

import pytest

from deathtoll.extract import FocusRules, extract_mentions, focus, focus_chunks, load_lexicon
from deathtoll.extract.focus import sentence_chunks
from deathtoll.model import Document

REPORT = (
    "Shelling hits Maarat al-Numan\n"
    "Idlib, 4 March 2019. Residents woke to sirens before dawn. "
    "The council met to discuss the water supply. "
    "Farmers complained about the price of diesel. "
    "Schools stayed open in the north. "
    "On 3 March the town market was busy. "
    "Government shelling killed 12 civilians in the market, the Observatory said. "
    "The death toll may rise, according to medics. "
    "The weather turned cold in the afternoon. "
    "A football match was postponed."
)


def kept(text: str, rules: FocusRules = FocusRules()) -> list[str]:
    return [text[a:b].strip() for a, b in focus_chunks(text, load_lexicon().trigger_regex, rules)]


def test_focus_keeps_length_offsets_and_line_breaks():
    out = focus(REPORT)
    assert len(out) == len(REPORT)
    assert out.count("\n") == REPORT.count("\n")
    for i, ch in enumerate(out):
        assert ch == REPORT[i] or ch == " "


def test_focus_keeps_lead_trigger_toll_and_narrative_date_and_blanks_the_rest():
    parts = kept(REPORT)
    assert parts[0] == "Shelling hits Maarat al-Numan"  # the lead: headline, dateline, first sentence
    assert "Government shelling killed 12 civilians in the market, the Observatory said." in parts
    assert "The death toll may rise, according to medics." in parts  # a toll right after
    assert "On 3 March the town market was busy." in parts  # the narrative date before it
    out = focus(REPORT)
    for blanked in ("The council met", "price of diesel", "football match", "weather turned"):
        assert blanked not in out


def test_a_neighbour_is_kept_when_it_names_a_place():
    text = "Headline\nLead one. Lead two. Fighting went on near Saraqeb. Two soldiers were killed. Talks resumed."
    parts = kept(text)
    assert "Fighting went on near Saraqeb." in parts
    assert "Talks resumed." not in parts
    assert "Talks resumed." in kept(text, FocusRules(neighbours_need_place=False))
    assert "Fighting went on near Saraqeb." not in kept(text, FocusRules(neighbours=0))


@pytest.mark.parametrize(
    "text, pieces",
    [
        ("Mr. Smith was shot. He died.", ["Mr. Smith was shot. ", "He died."]),
        ("U.S. Marines killed two. Then they left.", ["U.S. Marines killed two. ", "Then they left."]),
        ("TAMPA, Fla. A boy was shot.", ["TAMPA, Fla. A boy was shot."]),
        ("One.\nTwo? \"Three,\" he said.", ["One.\n", "Two? ", "\"Three,\" he said."]),
    ],
)
def test_cheap_sentences_do_not_split_at_abbreviations(text, pieces):
    assert [text[a:b] for a, b in sentence_chunks(text)] == pieces


def test_sentence_chunks_cover_the_text():
    chunks = sentence_chunks(REPORT)
    assert chunks[0][0] == 0 and chunks[-1][1] == len(REPORT)
    assert all(a[1] == b[0] for a, b in zip(chunks, chunks[1:]))


def test_mentions_of_a_focused_parse_equal_a_whole_parse(nlp):
    doc = Document(doc_id="f", text=REPORT, published="2019-03-04")
    focused = extract_mentions(doc, nlp=nlp)
    whole = extract_mentions(doc, parsed=nlp(REPORT))
    assert [(c.value, c.victim_kind, c.claimant, c.quote, c.start) for m in focused for c in m.claims] == [
        (c.value, c.victim_kind, c.claimant, c.quote, c.start) for m in whole for c in m.claims
    ]
    (c,) = [c for m in focused for c in m.claims]
    assert REPORT[c.start : c.end] == c.quote and c.value == 12


def test_no_break_spaces_are_parsed_as_spaces_and_the_place_is_found(nlp):
    text = "Twelve residents were shot dead by\u00a0government forces in\u00a0Al-Qaryatayn on Monday."
    assert focus(text) == text.replace("\u00a0", " ")
    (m,) = extract_mentions(Document(doc_id="nb", text=text, published="2017-10-23"), nlp=nlp)
    assert "Al-Qaryatayn" in [t.text for t in m.place_texts]
    for t in m.place_texts:
        assert text[t.start : t.end].endswith(t.text.removeprefix("near "))
    assert m.quote == text[m.start : m.end]
