"""Store.import_events: stub documents, replacement by id, claim ids kept."""

from __future__ import annotations

from store_samples import TEXT_A, make_doc, make_event, make_mention
from deathtoll.store import Store


def test_import_events_creates_stubs_and_replaces(tmp_path):
    ev = make_event("e1", (make_mention("m1", "d1", claim_id="k1"), make_mention("m2", "d2", claim_id="k2")))
    with Store.open(tmp_path / "x.db") as s:
        s.add_documents([make_doc("d1", TEXT_A)])
        assert s.import_events([ev]) == ["d2"]  # d1 is a real document already
        assert s.get_document("d1").text == TEXT_A
        stub = s.get_document("d2")
        assert stub.text == "" and stub.meta == {"stub": True}
        assert [d.doc_id for d in s.unprocessed_documents("v1")] == ["d1"]  # stubs are never extracted
        assert s.import_events([ev]) == []  # second time: replaced, nothing new
        assert s.count_events() == 1 and [m.mention_id for m in s.all_mentions()] == ["m1", "m2"]
        assert s.mention_events() == {"m1": "e1", "m2": "e1"}
        assert s.get_event("e1") == ev
        other = make_event("e2", (make_mention("m3", "d3", claim_id="k1"),))  # claim id already taken
        s.import_events([other])
        assert s.count_events() == 2
