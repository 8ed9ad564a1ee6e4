"""review.apply_edits and the analyst actions, over a hand-made ledger (no spaCy)."""

from __future__ import annotations

from datetime import date

import pytest

from web_samples import FakePipeline

from deathtoll import review
from deathtoll.ledger import Ledger, tolls_for
from deathtoll.store import Edit


def zango(lg):
    return next(e for e in lg.events() if len(e.mentions) == 2)


def mosul(lg):
    return next(e for e in lg.events() if e.place and e.place.name == "Mosul")


def test_exclude_claim_changes_tolls_and_drops_contradiction(ledger):
    e = zango(ledger)
    assert (e.fatalities.low, e.fatalities.high) == (12, 15) and e.contradictions
    review.exclude_claim(ledger, "alice", "cl-doc-b", "witness count includes the wounded")
    e2 = ledger.event(e.event_id)
    assert (e2.fatalities.low, e2.fatalities.best, e2.fatalities.high) == (12, 12, 12)
    assert e2.fatalities.n_claims == 1
    assert e2.contradictions == ()
    assert e2.rule.endswith("+analyst")
    assert len(e2.mentions) == 2  # the mention stays, only its claim is left out


def test_correct_claim_number_recomputes(ledger):
    e = mosul(ledger)
    review.correct_claim(ledger, "alice", "cl-doc-c", 31)
    e2 = ledger.event(e.event_id)
    assert e2.fatalities.best == 31
    ed = ledger.store.active_edits()[-1]
    assert ed.payload["before"]["value"] == 30 and ed.payload["after"]["value"] == 31


def test_correct_event_fields(ledger):
    e = mosul(ledger)
    review.correct_event(ledger, "alice", e.event_id, "date", "2021-03-02")
    review.correct_event(ledger, "alice", e.event_id, "type", "shelling")
    review.correct_event(ledger, "alice", e.event_id, "perpetrator", "Unknown gunmen")
    review.correct_event(ledger, "alice", e.event_id, "place", {"name": "Tal Afar", "country": "Iraq",
                                                                "lat": "36.37", "lon": "42.45"})
    e2 = ledger.event(e.event_id)
    assert e2.time.start == date(2021, 3, 2) and e2.event_type == "shelling"
    assert e2.perpetrator.name == "Unknown gunmen" and e2.perpetrator.actor_id == "unknown_gunmen"
    assert e2.place.name == "Tal Afar" and e2.place.lat == pytest.approx(36.37)
    # the store's flat columns follow, so filters see the correction
    assert [x.event_id for x in ledger.events(event_type="shelling")] == [e.event_id]
    edits = ledger.store.active_edits()
    assert edits[0].payload["before"] == {"start": "2021-03-03", "end": "2021-03-03"}


@pytest.mark.parametrize("field,value", [("type", "picnic"), ("date", "3 March"), ("colour", "red"),
                                         ("place", {"lat": 1})])
def test_bad_corrections_are_review_errors(ledger, field, value):
    with pytest.raises(review.ReviewError):
        review.correct_event(ledger, "alice", mosul(ledger).event_id, field, value)
    assert ledger.store.active_edits() == []


def test_merge_split_undo_keep_ids(ledger):
    z, m = zango(ledger), mosul(ledger)
    review.merge(ledger, "alice", [z.event_id, m.event_id])
    assert len(ledger.events()) == 1 and ledger.events()[0].event_id == z.event_id
    assert len(ledger.events()[0].mentions) == 3
    merge_id = ledger.store.active_edits()[-1].edit_id
    review.undo(ledger, merge_id)
    assert {e.event_id for e in ledger.events()} == {z.event_id, m.event_id}
    review.split(ledger, "alice", "m-doc-b")
    ids = {e.event_id: [x.mention_id for x in e.mentions] for e in ledger.events()}
    assert ids[z.event_id] == ["m-doc-a"] and ["m-doc-b"] in ids.values() and len(ids) == 3
    with pytest.raises(review.ReviewError):
        review.split(ledger, "alice", "m-doc-b")  # already alone
    with pytest.raises(review.ReviewError):
        review.merge(ledger, "alice", [z.event_id, z.event_id])


def test_confirmation_lapses_when_evidence_changes(ledger):
    z = zango(ledger)
    review.confirm(ledger, "alice", z.event_id)
    edits = ledger.store.active_edits()
    assert review.confirmed_ids(ledger.events(), edits) == {z.event_id}
    assert review.needs_review(ledger.event(z.event_id), {z.event_id})  # contradictions still flag it
    review.split(ledger, "alice", "m-doc-b")
    assert review.confirmed_ids(ledger.events(), ledger.store.active_edits()) == set()


def test_apply_edits_is_pure_and_skips_missing_targets(ledger):
    events = ledger.events()
    edits = [Edit(1, "t", "u", "exclude_claim", "no-such-claim", {"reason": "x"}),
             Edit(2, "t", "u", "correct", "ev-gone", {"field": "type", "value": "bombing", "mention_ids": ["m-x"]})]
    assert review.apply_edits(events, edits, tolls_for=tolls_for) == events


def test_correction_follows_its_mentions_when_the_id_changes(ledger):
    z = zango(ledger)
    edits = [Edit(1, "t", "u", "correct", "ev-old-id", {"field": "type", "value": "massacre",
                                                         "mention_ids": ["m-doc-a", "m-doc-b"]})]
    out = review.apply_edits(ledger.events(), edits, tolls_for=tolls_for)
    assert next(e for e in out if e.event_id == z.event_id).event_type == "massacre"


def test_edits_survive_ingest_and_run_on_new_documents(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "one.txt").write_text("Reports say 12 killed in Zango on 2021-05-03 after a raid.")
    (tmp_path / "docs" / "two.txt").write_text("A monitor counted 20 killed in Mosul on 2021-03-03 in a blast.")
    lg = Ledger(tmp_path / "l.db", pipeline=FakePipeline())
    lg.ingest([tmp_path / "docs"])
    lg.run()
    z = next(e for e in lg.events() if e.place.name == "Zango")
    mo = next(e for e in lg.events() if e.place.name == "Mosul")
    claim_id = z.mentions[0].claims[0].claim_id
    review.correct_claim(lg, "alice", claim_id, 13)
    review.correct_event(lg, "alice", mo.event_id, "type", "bombing")
    review.confirm(lg, "alice", mo.event_id)
    assert lg.event(z.event_id).fatalities.best == 13
    # a new report of the Zango raid arrives and is processed
    (tmp_path / "docs" / "three.txt").write_text("Officials now say 14 killed in Zango on 2021-05-03.")
    lg.ingest([tmp_path / "docs"])
    summary = lg.run()
    assert summary.documents == 1
    z2 = lg.event(z.event_id)  # same id, one more mention, the correction still applied
    assert len(z2.mentions) == 2 and z2.rule.endswith("+analyst")
    assert {c.claim_id: c.value for c in z2.claims}[claim_id] == 13
    assert z2.fatalities.low == 13 and z2.fatalities.high == 14
    assert lg.event(mo.event_id).event_type == "bombing"
    assert review.confirmed_ids(lg.events(), lg.store.active_edits()) == {mo.event_id}
    lg.run(reprocess=True)  # re-extracting everything changes nothing either
    assert {c.claim_id: c.value for c in lg.event(z.event_id).claims}[claim_id] == 13
    assert lg.event(mo.event_id).event_type == "bombing"
    lg.close()
