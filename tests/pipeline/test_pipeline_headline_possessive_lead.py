"""A lead that names only the country takes the place its headline gives as "<country>'s <place>"
rather than one borrowed from a background sentence; a plain headline place does not override."""

from deathtoll.model import Document, EventMention, TextSpan
from deathtoll.pipeline import Pipeline


def _lead(doc: Document, text_places: list[str]) -> EventMention:
    start = doc.text.index("An air raid")
    end = doc.text.index(".", start) + 1
    spans = [TextSpan(doc.text.index(p, start), doc.text.index(p, start) + len(p), p) for p in text_places]
    return EventMention(mention_id="m1", doc_id=doc.doc_id, event_type="air_strike", start=start, end=end,
                        quote=doc.text[start:end], place_texts=tuple(spans))


BODY = (" An air raid in Syria killed nine rescue workers on Sunday, activists said."
        " Separately, clashes went on in the countryside of Damascus, a monitor reported.")


def test_possessive_headline_place_beats_background_sentence() -> None:
    title = "Air raid in Syrias Hama kills nine rescuers"
    doc = Document(doc_id="d-lead1", text=title + "." + BODY, title=title)
    located = Pipeline(n_process=1).locate(_lead(doc, ["Syria", "Damascus"]), doc)
    assert located.place is not None and located.place.admin1 == "Hama"


def test_plain_headline_place_leaves_the_old_order() -> None:
    title = "Air raid near Hama kills nine rescuers"
    doc = Document(doc_id="d-lead2", text=title + "." + BODY, title=title)
    located = Pipeline(n_process=1).locate(_lead(doc, ["Syria", "Damascus"]), doc)
    assert located.place is not None and located.place.admin1 == "Damascus"
