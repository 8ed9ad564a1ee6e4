"""Default parallelism, worker processes and the prefilter's word forms."""

from __future__ import annotations

import pytest

from deathtoll import pipeline as pipeline_module
from deathtoll.extract import is_relevant
from deathtoll.model import Document
from deathtoll.pipeline import MULTIPROCESS_MIN_DOCS, WORKER_CHUNK, Pipeline


def test_processes_default_depends_on_the_amount_of_work_and_the_cores(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 8)
    p = Pipeline()
    assert p.processes_for(MULTIPROCESS_MIN_DOCS - 1) == 1
    assert p.processes_for(10**6) == 8  # every core
    assert p.processes_for(3 * WORKER_CHUNK) == 3  # no idle workers
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert p.processes_for(10**6) == 2
    assert Pipeline(n_process=3).processes_for(5) == 3


def _reports() -> list[Document]:
    towns = ["Harlow", "Bexley", "Dunmore", "Carrick", "Ashby", "Penrith"]
    return [
        Document(
            doc_id=f"r{i}",
            text=(
                f"Gunmen kill {i + 2} in {town}\n\n"
                f"Gunmen killed {i + 2} people at a market in {town} on Tuesday, police said. "
                "The market had reopened after repairs. Traders said business had been slow. "
                f"At least {i + 1} others were wounded."
            ),
            published="2021-03-05",
        )
        for i, town in enumerate(towns)
    ]


def test_worker_processes_give_the_same_mentions_in_the_same_order(monkeypatch, nlp):
    docs = _reports()
    here = Pipeline(nlp=nlp, n_process=1).extract(docs)
    monkeypatch.setattr(pipeline_module, "WORKER_CHUNK", 2)  # three tasks over two workers
    seen: list[int] = []
    spread = Pipeline(nlp=nlp, n_process=2).extract(docs, progress=seen.append)
    assert [m.mention_id for m in spread] == [m.mention_id for m in here]
    assert spread == here
    assert sum(seen) == len(docs)
    assert {c.value for m in here for c in m.claims if c.kind == "killed"} == {2, 3, 4, 5, 6, 7}


@pytest.mark.parametrize("text", [
    "Three people were killed.", "The toll rose to 12.", "Gunmen gunned them down at dawn.",
    "He was dying in hospital.", "The kidnappers freed two.", "Four executions were reported.",
    "Attacks claimed the lives of 30 people.", "Nine bodies were found.", "A hostage was beheaded.",
    "Some 900 people have fallen victims of the gas attack.", "Dozens suffered suffocation after the shelling.",
])
def test_prefilter_keeps_casualty_wording(text):
    assert is_relevant(text)


@pytest.mark.parametrize("text", [
    "The chief executive left the meeting early.", "Critics said prices stayed stable.",
    "The field was in serious condition after the rain.", "The company lodged a claim for costs.",
])
def test_prefilter_drops_ordinary_words_that_share_a_stem(text):
    assert not is_relevant(text)
