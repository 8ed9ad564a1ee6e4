"""Which names in a sentence are the event's place: not where somebody spoke or met
("the Security Council in New York"); a name after a compass word or "the second city"
is a place even where the NER misses it or calls it a person. Sentences written for these tests."""

from __future__ import annotations

from deathtoll.extract import extract_mentions
from deathtoll.geo import get_gazetteer
from deathtoll.model import Document


def _own_places(nlp, text: str) -> list[str]:
    gaz = get_gazetteer()
    ms = extract_mentions(Document(doc_id="c", text=text, source="Test Wire"), nlp=nlp, is_place=gaz.is_place)
    assert ms
    return [t.text for t in ms[0].place_texts if ms[0].start <= t.start < ms[0].end]


def test_where_a_council_met_is_no_event_place(nlp):
    places = _own_places(nlp, "The gas attack killed 300 people and led to a session of the Security Council in New York.")
    assert not any("New York" in p for p in places)


def test_where_an_official_said_it_is_no_event_place(nlp):
    places = _own_places(nlp, "Shelling killed 12 villagers, the envoy said in Geneva on Monday.")
    assert not any("Geneva" in p for p in places)


def test_a_news_conference_place_stays(nlp):
    places = _own_places(nlp, "Shelling killed 12 villagers, the governor told a news conference in Hama.")
    assert any("Hama" in p for p in places)


def test_name_after_the_second_city_is_a_place(nlp):
    places = _own_places(nlp, "Most of the 40 fighters killed in the raids west of the second city Aleppo were foreigners.")
    assert any(p.endswith("Aleppo") for p in places)


def test_name_after_a_compass_word_is_a_place(nlp):
    places = _own_places(nlp, "Artillery fire killed nine fighters in northern Aleppo on Monday.")
    assert any(p.endswith("Aleppo") for p in places)


def test_place_attacked_after_on_is_a_place(nlp):
    places = _own_places(nlp, "Dozens of civilians died in a rebel assault on Aleppo AFP said.")
    assert any(p.endswith("Aleppo") for p in places)


def test_name_opened_by_an_arabic_prefix_is_a_place_even_as_a_person(nlp):
    text = "Kurdish fighters killed 20 militants after the capture of Tel Hamis was announced."
    assert any("Tel Hamis" in p for p in _own_places(nlp, text))
