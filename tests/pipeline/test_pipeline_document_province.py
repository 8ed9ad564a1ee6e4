"""A mention located no finer than the country takes the province the whole report names
clearly more often than any other; a report that names several provinces equally stays
at the country."""

from deathtoll.geo.gazetteer import get_gazetteer
from deathtoll.model import Document, EventMention, TextSpan
from deathtoll.pipeline import Pipeline


def _lead(doc: Document) -> EventMention:
    start = doc.text.index("Warplanes")
    end = doc.text.index(".", start) + 1
    i = doc.text.index("Syria", start)
    return EventMention(mention_id="m1", doc_id=doc.doc_id, event_type="air_strike", start=start, end=end,
                        quote=doc.text[start:end], place_texts=(TextSpan(i, i + 5, "Syria"),))


def test_country_only_lead_takes_the_province_the_body_names() -> None:
    text = ("Raids kill eleven. Warplanes killed eleven people in northern Syria on Friday, a monitor said."
            " The strikes hit villages east of Aleppo. Rescuers in Aleppo province searched the rubble.")
    doc = Document(doc_id="d-prov1", text=text, title="Raids kill eleven")
    located = Pipeline(n_process=1).locate(_lead(doc), doc)
    assert located.place is not None and located.place.admin1 == "Aleppo"


def test_two_provinces_named_alike_leave_the_country() -> None:
    text = ("Raids kill eleven. Warplanes killed eleven people in northern Syria on Friday, a monitor said."
            " Earlier raids had hit Aleppo and Idlib.")
    doc = Document(doc_id="d-prov2", text=text, title="Raids kill eleven")
    located = Pipeline(n_process=1).locate(_lead(doc), doc)
    assert located.place is not None and located.place.precision == 6


def test_document_admin1_needs_a_clear_leader() -> None:
    gaz = get_gazetteer()
    assert gaz.document_admin1("Fighting went on in Hasakeh province and near Hasakeh city.", "SY").admin1 == "Hasakah"
    assert gaz.document_admin1("Talks were held in Geneva.", "SY") is None


def test_place_abroad_gives_way_to_the_province_of_a_named_country() -> None:
    text = ("Envoys meet. Warplanes killed 30 people in Syria, envoys heard in Geneva on Friday."
            " The raids hit Idlib province. Doctors in Idlib province treated the wounded.")
    doc = Document(doc_id="d-prov3", text=text, title="Envoys meet")
    start = text.index("Warplanes")
    end = text.index(".", start) + 1
    g = text.index("Geneva")
    m = EventMention(mention_id="m3", doc_id=doc.doc_id, event_type="air_strike", start=start, end=end,
                     quote=text[start:end], place_texts=(TextSpan(g, g + 6, "Geneva"),))
    located = Pipeline(n_process=1).locate(m, doc)
    assert located.place is not None and located.place.admin1 == "Idlib"
