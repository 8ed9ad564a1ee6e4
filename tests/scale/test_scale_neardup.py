"""Near-duplicate documents: signatures, origins, the store's columns, and the toll rule."""

from __future__ import annotations

import json

from deathtoll import neardup
from deathtoll.ledger import Ledger
from deathtoll.model import CountClaim, Document, EventMention
from deathtoll.reconcile import reconcile
from deathtoll.store import Store

WIRE = (
    "Gunmen attacked a wedding party in the village of Kafr Nabl late on Saturday, local officials said. "
    "The provincial health office said the assault left many guests dead and others wounded, and that "
    "ambulances from three nearby towns took the injured to the district hospital overnight. Residents "
    "described hearing gunfire for about twenty minutes before the attackers fled towards the hills. "
    "No group has said it carried out the attack, and the regional governor ordered an inquiry."
)
OTHER = (
    "A monitoring group in the province said on Sunday that it had documented the names of the victims "
    "of the wedding shooting and that the figure it holds is lower than the first official estimate."
)


def _outlet_copy(i: int) -> str:
    """A syndicated copy: same story, outlet's own dateline and a short tag line."""
    return f"KAFR NABL (Outlet {i}) - " + WIRE + f" Reporting by desk {i}."


def test_copies_are_found_and_different_stories_are_not():
    a, b, c = neardup.signature(WIRE), neardup.signature(_outlet_copy(3)), neardup.signature(OTHER)
    assert neardup.similarity(a, b) >= neardup.THRESHOLD
    assert neardup.similarity(a, c) < 0.2
    assert neardup.signature("too short") is None
    assert neardup.from_bytes(neardup.to_bytes(a)).tolist() == a.tolist()


def test_assign_origins_points_to_the_earliest_copy_also_across_calls():
    origins, blobs = neardup.assign_origins([], [("d1", OTHER), ("d2", _outlet_copy(1)), ("d3", _outlet_copy(2))])
    assert origins == {"d1": "d1", "d2": "d2", "d3": "d2"}
    stored = [(d, blobs[d], origins[d]) for d in ("d1", "d2", "d3")]
    later, _ = neardup.assign_origins(stored, [("d4", _outlet_copy(4)), ("d5", "A short note.")])
    assert later == {"d4": "d2", "d5": "d5"}


def test_store_migration_keeps_origins_and_signatures(tmp_path):
    with Store.open(tmp_path / "x.db") as st:
        st.add_documents([Document("a", OTHER), Document("b", WIRE)])
        assert st.origins() == {"a": "a", "b": "b"}  # none recorded: each its own origin
        st.set_origins({"b": "a"})
        st.save_signatures({"a": b"\x01\x02", "b": b""}, "k1")
        assert st.origins() == {"a": "a", "b": "a"}
        assert st.signatures("k1") == [("a", b"\x01\x02", "a"), ("b", b"", "a")]
        assert st.unsigned_documents("k1") == []
        assert [d for d, _ in st.unsigned_documents("k2")] == ["a", "b"]


def test_ledger_ingest_sets_origins_of_wire_copies(tmp_path):
    src = tmp_path / "feed.jsonl"
    rows = [{"id": f"w{i}", "text": _outlet_copy(i)} for i in range(3)] + [{"id": "o", "text": OTHER}]
    src.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    with Ledger(tmp_path / "l.db") as lg:
        lg.ingest([src])
        origins = lg.store.origins()
        assert origins["w1"] == origins["w2"] == origins["w0"] == "w0"
        assert origins["o"] == "o"
        src2 = tmp_path / "more.jsonl"
        src2.write_text(json.dumps({"id": "w9", "text": _outlet_copy(9)}), encoding="utf-8")
        lg.ingest([src2])
        assert lg.store.origins()["w9"] == "w0"


def _mention(doc_id: str, value: int, claimant_kind: str = "media") -> EventMention:
    claim = CountClaim(kind="killed", low=value, high=value, value=value, qualifier="exact",
                       claimant_kind=claimant_kind, doc_id=doc_id, claim_id=f"c-{doc_id}", number_start=10)
    return EventMention(mention_id=f"m-{doc_id}", doc_id=doc_id, event_type="shooting", claims=(claim,))


def test_wire_copies_count_once_in_the_median_but_every_claim_is_kept():
    mentions = [_mention(f"wire{i}", 40) for i in range(5)] + [_mention("local", 12)]
    plain = reconcile(mentions)
    assert plain.fatalities.best == 40  # five copies outvote the other report
    origins = {f"wire{i}": "wire0" for i in range(5)}
    rec = reconcile(mentions, origins=origins)
    assert (rec.fatalities.low, rec.fatalities.best, rec.fatalities.high) == (12, 26, 40)
    assert rec.fatalities.n_claims == 6


def test_signatures_hashed_in_workers_equal_those_hashed_here(monkeypatch):
    texts = [_outlet_copy(i) for i in range(7)] + [OTHER, "too short"]
    here = list(neardup.signatures(texts))
    monkeypatch.setattr(neardup, "PARALLEL_MIN_DOCS", 1)
    monkeypatch.setattr(neardup, "_SIGNATURE_CHUNK", 2)
    forked = list(neardup.signatures(texts))
    assert len(forked) == len(texts) and forked[-1] is None and here[-1] is None
    assert all((a == b).all() for a, b in zip(here[:-1], forked[:-1]))
    origins, _ = neardup.assign_origins([], [(f"d{i}", t) for i, t in enumerate(texts)])
    assert {origins[f"d{i}"] for i in range(7)} == {"d0"} and origins["d7"] == "d7"
