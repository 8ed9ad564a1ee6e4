"""A Store reuses what it has just written (mentions read back, mention JSON inside events)
only when the stored bytes are exactly what it wrote; anything else is decoded afresh."""

from __future__ import annotations

import json
import sqlite3

from store_samples import TEXT_A, TEXT_B, make_doc, make_event, make_mention
from deathtoll.store import Store
from deathtoll.store import rows


def test_mentions_just_saved_come_back_as_the_same_records(tmp_path):
    db = tmp_path / "l.db"
    with Store.open(db) as s:
        s.add_documents([make_doc("a", TEXT_A), make_doc("b", TEXT_B)])
        m1, m2 = make_mention("m1", "a"), make_mention("m2", "b", n=30)
        s.save_mentions(["a", "b"], [m1, m2], "v1")
        back = s.all_mentions()
        assert back == [m1, m2] and back[0] is m1 and back[1] is m2
    with Store.open(db) as fresh:  # another process decodes the JSON: equal records
        again = fresh.all_mentions()
        assert again == [m1, m2] and again[0] is not m1


def test_a_row_another_process_rewrote_is_decoded_not_reused(tmp_path):
    db = tmp_path / "l.db"
    with Store.open(db) as s, Store.open(db) as other:
        s.add_documents([make_doc("a", TEXT_A)])
        s.save_mentions(["a"], [make_mention("m1", "a", n=12)], "v1")
        other.save_mentions(["a"], [make_mention("m1", "a", n=14)], "v2")  # same id, new figure
        (m,) = s.all_mentions()
        assert m.claims[0].value == 14


def test_event_json_splices_saved_mentions_byte_for_byte_equivalent(tmp_path):
    m1, m2 = make_mention("m1", "a"), make_mention("m2", "a", n=15)
    e = make_event("e1", (m1, m2))
    known = {m1.mention_id: (rows.mention_row(m1)["data"], m1)}
    spliced = rows.event_data(e, known)
    assert json.loads(spliced) == json.loads(rows.event_data(e)) == json.loads(json.dumps(e.to_dict(), default=str))
    # an equal record that is not the one written is serialised afresh (never trusted by id alone)
    changed = make_mention("m1", "a", n=99)
    assert json.loads(rows.event_data(make_event("e1", (changed,)), known))["mentions"][0]["claims"][0]["value"] == 99


def test_events_written_with_reused_mentions_read_back_whole(tmp_path):
    db = tmp_path / "l.db"
    with Store.open(db) as s:
        s.add_documents([make_doc("a", TEXT_A)])
        m1, m2 = make_mention("m1", "a"), make_mention("m2", "a", n=15)
        s.save_mentions(["a"], [m1, m2], "v1")
        e = make_event("e1", tuple(s.all_mentions()))
        s.replace_events([e])
    with Store.open(db) as fresh:
        assert fresh.get_event("e1") == e
    conn = sqlite3.connect(db)
    (data,) = conn.execute("SELECT data FROM events").fetchone()
    conn.close()
    assert [m["mention_id"] for m in json.loads(data)["mentions"]] == ["m1", "m2"]
