"""Pipeline.locate: where a mention is placed when its own sentence names only a country."""

from __future__ import annotations

import pytest

from deathtoll.model import Document
from deathtoll.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(n_process=1)


def _places(pipeline: Pipeline, text: str) -> list:
    doc = Document(doc_id="loc", text=text, published="2016-02-10")
    return [(m.place.name if m.place else None, m.place.precision if m.place else None) for m in pipeline.extract([doc])]


def test_a_country_only_sentence_takes_the_leads_town_in_that_country(pipeline):
    text = (
        "Air raids pound Saraqeb\n"
        "Warplanes struck the town of Saraqeb in Idlib province on Tuesday, residents said. "
        "Russian strikes in Syria killed 14 civilians, the Observatory said."
    )
    found = _places(pipeline, text)
    assert found and all(name == "Saraqib" or name == "Saraqeb" for name, _ in found), found
    assert all(prec >= 4 for _, prec in found)


def test_a_town_in_another_country_does_not_replace_the_country(pipeline):
    text = (
        "Talks in Geneva stall\n"
        "Diplomats met in Geneva on Tuesday. "
        "Strikes in Syria killed 14 civilians, the Observatory said."
    )
    found = _places(pipeline, text)
    assert found and found[-1][0] == "Syria", found


def test_a_report_naming_only_the_country_takes_the_headlines_town(pipeline):
    doc = Document(
        doc_id="loc-h",
        title="Barrel bombs kill nine in Syrias Hama",
        text="Barrel bombs dropped on a market in Syria killed nine people on Monday, medics said.",
        published="2016-02-10",
    )
    found = [m.place for m in pipeline.extract([doc])]
    assert found and found[0] is not None and found[0].admin1 == "Hama", found
    assert found[0].precision >= 4


def test_a_dateline_abroad_gives_way_to_a_town_in_the_reports_country(pipeline):
    text = (
        "BEIRUT Regime air strikes killed at least 12 people on Monday, a monitor said. "
        "The raids hit the Syrian town of Saraqeb in Idlib province, residents in Syria said. "
        "Saraqeb has been bombed often this year, and Syria's war goes on."
    )
    found = _places(pipeline, text)
    assert found and found[0][0] in ("Saraqib", "Saraqeb"), found


def test_a_name_the_tokenizer_cut_at_its_article_is_read_whole(pipeline):
    found = _places(pipeline, "A car bomb killed 14 people near the city of Deir el-Zour on Friday, officials said.")
    assert found and found[0][0] == "Deir ez-Zor", found
