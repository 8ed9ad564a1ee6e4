"""Case-insensitive patterns run on lower-cased text (extract/caseless.py)."""

import re

from deathtoll.extract import is_relevant, load_lexicon
from deathtoll.extract.caseless import for_matching, lower_twin


def test_twin_finds_the_same_spans_as_the_case_insensitive_pattern():
    rx = re.compile(r"\b(?:kill\w*|shot dead|gunm[ae]n)\b", re.IGNORECASE)
    text = "Gunmen KILLED two guards; a third was Shot Dead near the Killarney road."
    subject, twin = for_matching(text, rx)
    assert twin is not rx and subject == text.lower()
    assert [m.span() for m in twin.finditer(subject)] == [m.span() for m in rx.finditer(text)]


def test_no_twin_for_upper_case_literals_or_case_sensitive_patterns():
    assert lower_twin(re.compile(r"\bSyria\b", re.IGNORECASE)) is None
    assert lower_twin(re.compile(r"[A-Z]\w+", re.IGNORECASE)) is None
    assert lower_twin(re.compile(r"killed")) is None
    # escapes are not letters: \W, \S and \B keep their meaning
    assert lower_twin(re.compile(r"\Wkilled\S", re.IGNORECASE)) is not None


def test_text_whose_lower_case_changes_length_keeps_the_original_pattern():
    rx = re.compile(r"\bkilled\b", re.IGNORECASE)
    text = "İzmir: three KILLED"  # "İ".lower() is two characters
    subject, used = for_matching(text, rx)
    assert (subject, used) == (text, rx)
    assert [m.span() for m in used.finditer(subject)] == [(13, 19)]


def test_the_trigger_pattern_has_a_twin_and_the_prefilter_reads_any_case():
    assert lower_twin(load_lexicon().trigger_regex) is not None
    assert is_relevant("TWO MEN SHOT DEAD OUTSIDE A BAR")
    assert is_relevant("Twin Bombings Kill 12 In Market")
    assert not is_relevant("The Council Approved A New Budget For Schools")
