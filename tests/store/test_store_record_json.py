"""Record JSON written by orjson is the text the json module writes (store/db.py record_json)."""

from __future__ import annotations

from deathtoll.model import Document
from deathtoll.store.db import dumps, loads, record_json
from deathtoll.store.rows import event_data

from store_samples import make_event, make_mention


def test_a_mention_and_an_event_read_the_same_as_to_dict_through_json():
    m = make_mention("m1", "d1")
    e = make_event("e1", (m, make_mention("m2", "d2", n=15)))
    assert record_json(m) == dumps(m.to_dict())
    assert record_json(e) == dumps(e.to_dict())
    assert record_json(list(e.contradictions)) == dumps([c.to_dict() for c in e.contradictions])
    assert record_json(e.victims) == dumps({k: t.to_dict() for k, t in e.victims.items()})


def test_a_cached_property_is_no_field():
    doc = Document("d1", "Two men were shot dead.")
    assert doc.hash  # computed and cached on the instance
    assert "hash" not in loads(record_json(doc))
    assert record_json(doc) == dumps(doc.to_dict())


def test_an_integer_beyond_64_bits_is_kept_exactly():
    huge = 10**30
    m = make_mention("m1", "d1", n=huge)
    assert loads(record_json(m))["claims"][0]["value"] == huge
    assert record_json(m) == dumps(m.to_dict())


def test_event_data_splices_mentions_already_written_in_field_order():
    m1, m2 = make_mention("m1", "d1"), make_mention("m2", "d2", n=15)
    e = make_event("e1", (m1, m2))
    known = {"m1": (record_json(m1), m1)}
    spliced = loads(event_data(e, known))
    whole = e.to_dict()
    assert spliced == whole  # same content; mentions come last in the spliced text
    assert list(spliced)[-1] == "mentions"
