"""The verdict on every blocked pair of mentions, kept compact, scored on every core.

At scale there are millions of candidate pairs (2.4 million for 55,000 mentions), so
verdicts live in flat arrays, not objects, and from ``PARALLEL_MIN_PAIRS`` on they are
scored in forked worker processes, each taking a contiguous share of the pair list (the
views and weights are shared copy-on-write; only arrays of numbers travel back).
"""

from __future__ import annotations

import multiprocessing
import os
from array import array
from typing import Sequence

import numpy as np

from .blocking import candidate_codes
from .config import LinkConfig
from .features import MentionView
from .score import pair_verdict, quick_conflict

#: Score in worker processes from this many candidate pairs on (below it, forking and
#: sending the arrays back cost more than they save).
PARALLEL_MIN_PAIRS = 200_000
#: A conflict found without full scoring (quick conflict, analyst cannot-link).
NOT_SCORED = -1.0


class UnionFind:
    """Disjoint sets over 0..n-1; the smallest index is a set's root."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


class ScoredPairs:
    """Pairs ``(i, j)`` (as ``i * n + j``), their probability and conflict flag.

    Clusters only ever merge along a pair that is not a conflict and reaches the link
    threshold (an average never exceeds its largest term), so the groups such pairs
    connect are independent problems: :meth:`within_components` hands clustering only the
    pairs inside one, and every other pair is dropped without costing an edge.
    """

    def __init__(self, n: int, codes: array, p: array, conflict: bytearray) -> None:
        self.n, self.codes, self.p, self.conflict = n, codes, p, conflict

    def __len__(self) -> int:
        return len(self.codes)

    def within_components(self, threshold: float, groups: UnionFind) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Arrays ``(i, j, probability, conflict)`` of the pairs whose mentions can end up in
        one cluster (``groups``: the analyst's must-link groups), in (i, j) order, so sums
        never depend on the order pairs were scored in. A conflict found without scoring
        has probability ``NOT_SCORED``."""
        n = self.n
        comp = UnionFind(n)
        for k in range(n):
            comp.union(k, groups.find(k))
        codes = np.frombuffer(self.codes, dtype=np.int64)
        p = np.frombuffer(self.p, dtype=np.float64)
        conflict = np.frombuffer(bytes(self.conflict), dtype=np.uint8).astype(bool)
        for code in codes[~conflict & (p >= threshold)].tolist():
            comp.union(code // n, code % n)
        root = np.fromiter((comp.find(k) for k in range(n)), dtype=np.int64, count=n)
        inside = np.flatnonzero(root[codes // n] == root[codes % n])
        inside = inside[np.argsort(codes[inside], kind="stable")]
        return codes[inside] // n, codes[inside] % n, p[inside], conflict[inside]


def score_candidates(
    views: Sequence[MentionView],
    cfg: LinkConfig,
    groups: UnionFind,
    cannot: Sequence[tuple[int, int]] = (),
    processes: int | None = None,
) -> ScoredPairs:
    """The verdict on every blocked pair of mentions in different ``groups``, plus the
    analyst's ``cannot`` pairs as conflicts. ``processes``: worker processes (default:
    every core once there are ``PARALLEL_MIN_PAIRS`` pairs, else this process only)."""
    n = len(views)
    find = groups.find
    roots = np.fromiter((find(k) for k in range(n)), dtype=np.int64, count=n)
    cand = candidate_codes(list(views), cfg)  # sorted
    cand = cand[roots[cand // n] != roots[cand % n]]
    codes = array("q", cand.tobytes())
    if processes is None:
        processes = (os.cpu_count() or 1) if len(codes) >= PARALLEL_MIN_PAIRS else 1
    if processes > 1 and "fork" in multiprocessing.get_all_start_methods():
        p, conflict = _score_forked(views, cfg, codes, processes)
    else:
        p, conflict = _verdicts(views, cfg, codes, 0, len(codes))
    for i, j in cannot:
        if find(i) != find(j):
            codes.append(min(i, j) * n + max(i, j))
            p.append(NOT_SCORED)
            conflict.append(1)
    return ScoredPairs(n, codes, p, conflict)


def _verdicts(views: Sequence[MentionView], cfg: LinkConfig, codes: array, start: int, end: int) -> tuple[array, bytearray]:
    n = len(views)
    p = array("d")
    conflict = bytearray()
    for code in codes[start:end]:
        a, b = views[code // n], views[code % n]
        if quick_conflict(a, b, cfg):
            p.append(NOT_SCORED)
            conflict.append(1)
        else:
            prob, c = pair_verdict(a, b, cfg)
            p.append(prob)
            conflict.append(c)
    return p, conflict


#: What a forked scoring worker reads (set in the parent just before forking).
_SHARED: tuple[Sequence[MentionView], LinkConfig, array] | None = None


def _score_share(bounds: tuple[int, int]) -> tuple[bytes, bytes]:
    assert _SHARED is not None, "worker started without pairs"
    p, c = _verdicts(*_SHARED, *bounds)
    return p.tobytes(), bytes(c)


def _score_forked(views: Sequence[MentionView], cfg: LinkConfig, codes: array, processes: int) -> tuple[array, bytearray]:
    global _SHARED
    step = -(-len(codes) // processes)
    shares = [(k, min(k + step, len(codes))) for k in range(0, len(codes), step)]
    _SHARED = (views, cfg, codes)
    p, conflict = array("d"), bytearray()
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            for pb, cb in pool.map(_score_share, shares):
                p.frombytes(pb)
                conflict.extend(cb)
    finally:
        _SHARED = None
    return p, conflict
