"""Behaviour of deathtoll.link: joins, separations, constraints, determinism."""

from __future__ import annotations

import random
from datetime import date

import pytest

from deathtoll.link import Cluster, LinkError, haversine_km, link_mentions
from deathtoll.model import UNKNOWN_ACTOR

from link_samples import AIRBASE, ARMY, IS, PALMYRA, RAQQA_PROV, TABQA, claim, mention, synthetic


def _groups(clusters: list[Cluster]) -> set[tuple[str, ...]]:
    return {c.mention_ids for c in clusters}


def test_haversine_known_distance():
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.2)
    assert haversine_km(35.836, 38.548, 35.836, 38.548) == 0
    assert 8 < haversine_km(TABQA.lat, TABQA.lon, AIRBASE.lat, AIRBASE.lon) < 10


def test_two_documents_about_one_event_join_with_reasons():
    a = mention("m1", "d1", claims=[claim(160, None, 160, "more than", doc="d1")])
    b = mention("m2", "d2", claims=[claim(225, 275, 250, "around", doc="d2")])
    clusters = link_mentions([a, b])
    assert _groups(clusters) == {("m1", "m2")}
    (reason,) = clusters[0].reasons
    assert reason.startswith("m1~m2: same place Al-Tabqa (0 km)")
    for part in ("dates overlap", "same type execution", "same perpetrator Islamic State", "counts compatible (160+ vs ~250)"):
        assert part in reason
    assert reason.endswith(tuple(f"score 0.{d}" for d in range(60, 100)))


def test_nearby_airbase_and_compatible_type_join():
    a = mention("m1", "d1", place=TABQA, claims=[claim(160, 160, 160)])
    b = mention("m2", "d2", place=AIRBASE, etype="massacre", claims=[claim(150, 170, 160, "around", doc="d2")])
    assert _groups(link_mentions([a, b])) == {("m1", "m2")}
    assert "near places" in link_mentions([a, b])[0].reasons[0]


def test_same_document_restatements_join_but_second_event_stays_apart():
    headline = mention("m1", "d1", when=None, claims=[claim(160, 160, 160)])
    lead = mention("m2", "d1", claims=[claim(160, None, 160, "more than")])
    later = mention("m3", "d1", place=None, when=None, claims=[])
    other_village = mention("m4", "d1", etype="massacre", place=PALMYRA, claims=[claim(25, 25, 25)])
    reprisal = mention("m5", "d1", etype="execution", actor=ARMY, claims=[claim(12, 12, 12)])
    clusters = link_mentions([headline, lead, later, other_village, reprisal])
    assert _groups(clusters) == {("m1", "m2", "m3"), ("m4",), ("m5",)}


def test_different_perpetrator_stays_apart():
    a = mention("m1", "d1", claims=[claim(20, 20, 20)])
    b = mention("m2", "d2", actor=ARMY, claims=[claim(20, 20, 20, doc="d2")])
    assert _groups(link_mentions([a, b])) == {("m1",), ("m2",)}


def test_far_dates_and_places_stay_apart():
    a = mention("m1", "d1")
    b = mention("m2", "d2", when=date(2014, 10, 1))
    c = mention("m3", "d3", place=PALMYRA)
    assert _groups(link_mentions([a, b, c])) == {("m1",), ("m2",), ("m3",)}


def test_province_level_mention_joins_precise_one():
    a = mention("m1", "d1", claims=[claim(160, 160, 160)])
    b = mention("m2", "d2", place=RAQQA_PROV, claims=[claim(160, None, 160, "more than", doc="d2")])
    assert _groups(link_mentions([a, b])) == {("m1", "m2")}


def test_no_chaining_through_a_vague_mention():
    # m2 (unknown perpetrator, no count) fits both m1 and m3, but m1 and m3 conflict.
    m1 = mention("m1", "d1", claims=[claim(30, 30, 30)])
    m2 = mention("m2", "d2", actor=UNKNOWN_ACTOR, claims=[])
    m3 = mention("m3", "d3", actor=ARMY, claims=[claim(30, 30, 30, doc="d3")])
    groups = _groups(link_mentions([m1, m2, m3]))
    assert ("m1", "m2", "m3") not in groups
    assert sum(len(g) for g in groups) == 3


def test_must_link_and_cannot_link_respected():
    a = mention("m1", "d1", claims=[claim(20, 20, 20)])
    b = mention("m2", "d2", claims=[claim(20, 20, 20, doc="d2")])
    c = mention("m3", "d3", place=PALMYRA)
    assert _groups(link_mentions([a, b, c], cannot_link=[("m2", "m1")])) == {("m1",), ("m2",), ("m3",)}
    clusters = link_mentions([a, b, c], must_link=[("m1", "m3")])
    assert _groups(clusters) == {("m1", "m2", "m3")} or _groups(clusters) == {("m1", "m3"), ("m2",)}
    assert any("must-link" in r for cl in clusters for r in cl.reasons)
    assert _groups(link_mentions([a], must_link=[("m1", "nope")])) == {("m1",)}


def test_must_link_wins_over_contradicting_cannot_link():
    a = mention("m1", "d1")
    b = mention("m2", "d2", place=PALMYRA)
    (cl,) = link_mentions([a, b], must_link=[("m1", "m2")], cannot_link=[("m2", "m1")])
    assert cl.mention_ids == ("m1", "m2")
    assert any("overridden by must-link" in r for r in cl.reasons)


def test_cannot_link_blocks_transitive_merge():
    a = mention("m1", "d1", claims=[claim(20, 20, 20)])
    b = mention("m2", "d2", claims=[claim(20, 20, 20, doc="d2")])
    c = mention("m3", "d3", claims=[claim(20, 20, 20, doc="d3")])
    groups = _groups(link_mentions([a, b, c], cannot_link=[("m1", "m3")]))
    assert not any({"m1", "m3"} <= set(g) for g in groups)
    assert ("m1", "m2") in groups or ("m2", "m3") in groups


def test_duplicate_ids_rejected():
    a = mention("m1", "d1")
    with pytest.raises(LinkError):
        link_mentions([a, a])


def test_every_mention_in_exactly_one_cluster_and_order_independent():
    ms = synthetic(40, 3)
    ms += [mention(f"x{i}", f"dx{i}", place=TABQA, claims=[claim(i, i, i, doc=f"dx{i}")]) for i in range(1, 6)]
    ref = link_mentions(ms)
    ids = [i for c in ref for i in c.mention_ids]
    assert sorted(ids) == sorted(m.mention_id for m in ms)
    rng = random.Random(7)
    for _ in range(3):
        shuffled = ms[:]
        rng.shuffle(shuffled)
        assert link_mentions(shuffled) == ref


def test_synthetic_events_recovered():
    ms = synthetic(100, 3)
    clusters = link_mentions(ms)
    expected = {tuple(f"e{e:05d}-m{k}" for k in range(3)) for e in range(100)}
    assert _groups(clusters) == expected


def test_five_thousand_mentions_link():
    ms = synthetic(1250, 4)
    clusters = link_mentions(ms)
    assert sum(len(c.mention_ids) for c in clusters) == 5000
    assert len(clusters) == 1250
