"""Title-case headlines lower-cased where ordinary before parsing (focus.headline_case),
on headlines written for these tests."""

from __future__ import annotations

from deathtoll.extract import extract_mentions, focus, load_lexicon
from deathtoll.extract.focus import headline_case
from deathtoll.model import Document


def cased(text: str) -> str:
    return headline_case(text, load_lexicon().trigger_regex)


def test_headline_triggers_quantities_and_victim_nouns_are_lowercased_names_kept():
    text = "Twin Car Bombs Kill 40 Injure Dozens of Civilians in Kobani Market"
    out = cased(text)
    assert out == "Twin car bombs kill 40 injure dozens of civilians in Kobani market"
    assert len(out) == len(text)


def test_headline_run_stops_before_the_sentence_it_runs_into():
    text = "Mon 3 May 2021 Sniper Fire Kills Two Soldiers near Kobani A sniper shot two soldiers on patrol."
    out = cased(text)
    assert "sniper fire kills two soldiers near Kobani A sniper" in out  # "A" opens the next sentence
    assert out.endswith("A sniper shot two soldiers on patrol.")


def test_ordinary_prose_titles_actor_names_and_all_capitals_are_left_alone():
    for text in (
        "The Syrian Observatory for Human Rights said five people were killed.",
        "General Hassan Tells Reporters Soldiers Killed Two Gunmen",  # opens the run; a title
        "POLICE FOUND A MAN SHOT WITH A RIFLE IN THE YARD",
        "Coalition Says Syrian Democratic Forces Killed Nine Militants",
    ):
        out = cased(text)
        assert len(out) == len(text)
        for keep in ("Syrian Observatory", "General Hassan", "POLICE FOUND A MAN", "Syrian Democratic Forces"):
            if keep in text:
                assert keep in out
    assert "killed nine militants" in cased("Coalition Says Syrian Democratic Forces Killed Nine Militants")


def test_a_headline_without_a_casualty_trigger_is_not_touched():
    text = "Peace Talks Resume in Geneva as Winter Aid Reaches Two Towns"
    assert cased(text) == text


def test_focus_lowercases_headlines_and_keeps_offsets():
    text = "Sniper Fire Kills Two Soldiers near Kobani Checkpoint\nThe army said the men were on patrol."
    out = focus(text)
    assert len(out) == len(text) and out.lower() == text.lower()
    assert "kills two soldiers" in out


def test_quotes_and_texts_come_from_the_report_not_the_lowercased_parse(nlp):
    text = "Tue 4 May 2021 Sniper Fire Kills Two Soldiers near Kobani Checkpoint The army said the men were on patrol."
    doc = Document(doc_id="h", text=text, source="Test Wire")
    ms = extract_mentions(doc, nlp=nlp)
    claims = [c for m in ms for c in m.claims]
    assert [(c.kind, c.value, c.victim_kind) for c in claims] == [("killed", 2, "combatant")]
    for m in ms:
        assert m.quote == text[m.start : m.end] and "Kills Two Soldiers" in m.quote
        assert not m.trigger or m.trigger in text
        for t in (*m.place_texts, *m.date_texts):
            assert t.text.removeprefix("near ") in text
    for c in claims:
        assert c.quote == text[c.start : c.end]
        assert c.number_text == text[c.number_start : c.number_end] == "Two"
