"""A country's possessive tagged as a person's first name ("Syrias Aleppo") keeps its place cues."""

from deathtoll.geo.gazetteer import get_gazetteer
from deathtoll.model import Document
from deathtoll.pipeline import Pipeline


def test_country_possessive_words() -> None:
    gaz = get_gazetteer()
    assert gaz.is_country_possessive("Syrias")
    assert gaz.is_country_possessive("Iraq's")
    assert not gaz.is_country_possessive("Aleppos")
    assert not gaz.is_country_possessive("Lucas")


def test_possessive_person_key_does_not_hide_the_country() -> None:
    text = ("Shelling of Syrias Aleppo killed eleven people on Monday, the city's health "
            "office said. Rescue teams in Syrias Aleppo were still searching the rubble.")
    doc = Document(doc_id="d-poss", text=text, title="Shelling kills eleven")
    pipe = Pipeline(n_process=1)
    assert pipe.document_country(doc, ("syrias aleppo",)) == "SY"


def test_real_person_key_still_hides_its_words() -> None:
    text = "Jordan Smith was shot in Jordan Smith's yard in Ohio. Police in Ohio said he died."
    doc = Document(doc_id="d-person", text=text, title="Man shot")
    pipe = Pipeline(n_process=1)
    assert pipe.document_country(doc, ("jordan smith",)) != "JO"
