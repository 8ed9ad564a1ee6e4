"""Default parallelism and the prefilter's word forms."""

from __future__ import annotations

import pytest

from deathtoll.extract import is_relevant
from deathtoll.pipeline import MAX_PROCESSES, MULTIPROCESS_MIN_DOCS, Pipeline


def test_processes_default_depends_on_the_amount_of_work_and_the_cores(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 8)
    p = Pipeline()
    assert p.processes_for(MULTIPROCESS_MIN_DOCS - 1) == 1
    assert p.processes_for(MULTIPROCESS_MIN_DOCS) == p.processes_for(10**6) == MAX_PROCESSES
    monkeypatch.setattr("os.cpu_count", lambda: 2)  # one core stays with the rules
    assert p.processes_for(10**6) == 1
    assert Pipeline(n_process=3).processes_for(5) == 3


@pytest.mark.parametrize("text", [
    "Three people were killed.", "The toll rose to 12.", "Gunmen gunned them down at dawn.",
    "He was dying in hospital.", "The kidnappers freed two.", "Four executions were reported.",
    "Attacks claimed the lives of 30 people.", "Nine bodies were found.", "A hostage was beheaded.",
])
def test_prefilter_keeps_casualty_wording(text):
    assert is_relevant(text)


@pytest.mark.parametrize("text", [
    "The chief executive left the meeting early.", "Critics said prices stayed stable.",
    "The field was in serious condition after the rain.", "The company lodged a claim for costs.",
])
def test_prefilter_drops_ordinary_words_that_share_a_stem(text):
    assert not is_relevant(text)
