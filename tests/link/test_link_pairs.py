"""deathtoll.link.pairs and the cheap verdict: the same answers as full scoring, on one
core or several, and clustering sees only pairs that can end up in one cluster."""

from __future__ import annotations

from array import array
from datetime import date, timedelta

from deathtoll.link import link_mentions
from deathtoll.link.config import load_config
from deathtoll.link.features import view
from deathtoll.link.pairs import NOT_SCORED, ScoredPairs, UnionFind, score_candidates
from deathtoll.link.score import pair_verdict, quick_conflict, score_pair

from link_samples import ARMY, IS, PALMYRA, TABQA, claim, mention, synthetic


def _views(ms):
    return [view(m) for m in sorted(ms, key=lambda m: m.mention_id)]


def _mixed() -> list:
    """Events that share places and weeks, so pairs of every kind are blocked together."""
    ms = synthetic(30, 3, seed_days=20)
    for k in range(12):
        when = date(2013, 1, 3) + timedelta(days=k % 4)
        ms.append(mention(f"t{k}", f"dt{k}", actor=(IS, ARMY)[k % 2], place=(TABQA, PALMYRA)[k % 3 == 0],
                          when=when, claims=[claim(10 + k, 10 + k, 10 + k, doc=f"dt{k}")]))
    return ms


def test_pair_verdict_agrees_with_explained_score():
    cfg = load_config()
    vs = _views(_mixed())
    checked = 0
    for a in vs[:25]:
        for b in vs[25:60]:
            ps = score_pair(a, b, cfg)
            assert pair_verdict(a, b, cfg) == (ps.probability, ps.conflict)
            assert pair_verdict(b, a, cfg) == (ps.probability, ps.conflict)
            checked += 1
    assert checked == 25 * 35


def test_reason_is_written_only_when_asked_and_reads_as_before():
    cfg = load_config()
    a = view(mention("m1", "d1", claims=[claim(160, None, 160, "at_least", doc="d1")]))
    b = view(mention("m2", "d2", claims=[claim(250, 250, 250, "around", doc="d2")]))
    r = score_pair(a, b, cfg).reason
    assert r.startswith("m1~m2: same place Al-Tabqa (0 km), dates overlap, same type execution")
    assert "same perpetrator Islamic State" in r and r.endswith(f"score {score_pair(a, b, cfg).probability:.2f}")


def test_forked_scoring_gives_the_same_arrays_as_one_process():
    cfg = load_config()
    vs = _views(_mixed())
    one = score_candidates(vs, cfg, UnionFind(len(vs)), processes=1)
    two = score_candidates(vs, cfg, UnionFind(len(vs)), processes=2)
    assert len(one) > 100
    assert (one.codes, one.p, one.conflict) == (two.codes, two.p, two.conflict)
    n = len(vs)
    for code, p, c in zip(one.codes, one.p, one.conflict):
        a, b = vs[code // n], vs[code % n]
        if p == NOT_SCORED:
            assert c and quick_conflict(a, b, cfg)
        else:
            assert (p, bool(c)) == pair_verdict(a, b, cfg)


def test_cannot_link_pairs_come_back_as_unscored_conflicts():
    cfg = load_config()
    vs = _views([mention("a", "da"), mention("b", "db", place=PALMYRA, when=date(2015, 5, 20))])
    scored = score_candidates(vs, cfg, UnionFind(2), cannot=[(0, 1)], processes=1)
    assert (scored.codes[-1], scored.p[-1], scored.conflict[-1]) == (1, NOT_SCORED, 1)


def _rows(arrays) -> list[tuple]:
    return list(zip(*(a.tolist() for a in arrays)))


def test_only_pairs_inside_a_joinable_component_reach_clustering():
    # 0-1 and 3-4 reach the threshold; 1-2 is a weak pair and 0-3 a conflict between components
    codes = array("q", [0 * 5 + 1, 1 * 5 + 2, 3 * 5 + 4, 0 * 5 + 3])
    scored = ScoredPairs(5, codes, array("d", [0.9, 0.2, 0.8, 0.3]), bytearray([0, 0, 0, 1]))
    inside = _rows(scored.within_components(0.5, UnionFind(5)))
    assert inside == [(0, 1, 0.9, False), (3, 4, 0.8, False)]
    # an analyst must-link group {2, 1} brings the weak pair 1-2 inside
    groups = UnionFind(5)
    groups.union(1, 2)
    inside = _rows(scored.within_components(0.5, groups))
    assert inside == [(0, 1, 0.9, False), (1, 2, 0.2, False), (3, 4, 0.8, False)]


def test_linking_is_the_same_with_forked_scoring(monkeypatch):
    ms = _mixed()
    ref = link_mentions(ms)
    monkeypatch.setattr("deathtoll.link.pairs.PARALLEL_MIN_PAIRS", 1)
    assert link_mentions(ms) == ref


def test_blocking_gives_the_same_pairs_crossed_in_numpy_or_in_python(monkeypatch):
    """Buckets bigger than blocking._SMALL are crossed with numpy, smaller ones in Python:
    both ways must find the same sorted, distinct pairs."""
    import deathtoll.link.blocking as blocking

    vs, cfg = _views(synthetic(12, 9)), load_config()
    mixed = blocking.candidate_codes(vs, cfg)
    monkeypatch.setattr(blocking, "_SMALL", 10**9)
    python = blocking.candidate_codes(vs, cfg)
    monkeypatch.setattr(blocking, "_SMALL", 0)
    numpy_only = blocking.candidate_codes(vs, cfg)
    assert mixed.tolist() == python.tolist() == numpy_only.tolist()
    assert len(mixed) > 100 and mixed.tolist() == sorted(set(mixed.tolist()))
    n = len(vs)
    assert all(c // n < c % n for c in mixed.tolist())
