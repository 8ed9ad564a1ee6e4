"""Scoring helpers for the benchmarks: accuracy, date tolerance and coreference metrics.

Clusterings are plain mappings ``item -> cluster label``. The coreference metrics
(B³, MUC, CEAF-e and their CoNLL average) follow Pradhan et al. (2014), "Scoring
Coreference Partitions of Predicted Mentions: A Reference Implementation":

* items present in ``gold`` but missing from ``pred`` count as predicted singletons;
* items present only in ``pred`` are ignored (the benchmark scores gold items only);
* a score whose denominator is zero (MUC over all-singleton clusters) is 0.

CEAF-e needs an optimal one-to-one alignment of gold and predicted clusters; we
split the cluster-overlap graph into connected components (clusters that share no
item have similarity 0, so components are independent) and solve each with a small
Hungarian algorithm, so no SciPy is needed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Optional

Clustering = Mapping[Hashable, Hashable]


@dataclass(frozen=True)
class PRF:
    """Precision, recall and their harmonic mean."""

    p: float
    r: float

    @property
    def f1(self) -> float:
        return 0.0 if self.p + self.r == 0 else 2 * self.p * self.r / (self.p + self.r)


def _ratio(num: float, den: float) -> float:
    return 0.0 if den == 0 else num / den


def accuracy(pairs: Iterable[tuple[object, object]]) -> float:
    """Share of ``(gold, predicted)`` pairs that are equal (0.0 for no pairs)."""
    pairs = list(pairs)
    return _ratio(sum(1 for g, p in pairs if g == p), len(pairs))


def date_within(gold: Optional[date], start: Optional[date], end: Optional[date], days: int) -> bool:
    """True when the whole predicted span ``[start, end]`` lies within ``days`` of ``gold``.

    ``days=0`` means an exact single-day match. A month-long span around the gold
    day is therefore *not* within 7 days: vagueness is not rewarded.
    """
    if gold is None or start is None or end is None:
        return False
    return (gold - start).days <= days and (end - gold).days <= days


# ------------------------------------------------------------------ clusterings


def clusters_of(assign: Clustering) -> list[frozenset]:
    """The clusters (sets of items) of an ``item -> label`` mapping, in first-seen order."""
    groups: dict[Hashable, set] = defaultdict(set)
    for item, label in assign.items():
        groups[label].add(item)
    return [frozenset(g) for g in groups.values()]


def _aligned(gold: Clustering, pred: Clustering) -> tuple[dict, dict]:
    """``gold`` and ``pred`` over the gold items; missing predictions become singletons."""
    g = dict(gold)
    p = {item: pred[item] if item in pred else ("__singleton__", item) for item in g}
    return g, p


def b_cubed(gold: Clustering, pred: Clustering) -> PRF:
    """B³ (Bagga & Baldwin 1998): per-item overlap of its gold and predicted cluster, averaged."""
    g, p = _aligned(gold, pred)
    if not g:
        return PRF(0.0, 0.0)
    g_of = {item: c for c in clusters_of(g) for item in c}
    p_of = {item: c for c in clusters_of(p) for item in c}
    prec = rec = 0.0
    for item in g:
        overlap = len(g_of[item] & p_of[item])
        prec += overlap / len(p_of[item])
        rec += overlap / len(g_of[item])
    return PRF(prec / len(g), rec / len(g))


def _muc_side(key: list[frozenset], other: Clustering) -> float:
    num = den = 0
    for cluster in key:
        parts = {other[item] for item in cluster}
        num += len(cluster) - len(parts)
        den += len(cluster) - 1
    return _ratio(num, den)


def muc(gold: Clustering, pred: Clustering) -> PRF:
    """MUC (Vilain et al. 1995): links kept, counted as cluster size minus partitions."""
    g, p = _aligned(gold, pred)
    return PRF(_muc_side(clusters_of(p), g), _muc_side(clusters_of(g), p))


def hungarian(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """A maximum-weight one-to-one assignment of rows to columns: ``[(row, col), ...]``.

    Any rectangular matrix; every row or every column (whichever are fewer) is
    assigned. O(n²m) shortest-augmenting-path Hungarian algorithm (Kuhn–Munkres,
    in the potentials form of Jonker & Volgenant).
    """
    if not weights or not weights[0]:
        return []
    transposed = len(weights) > len(weights[0])
    w = [list(col) for col in zip(*weights)] if transposed else [list(row) for row in weights]
    n, m = len(w), len(w[0])  # n <= m
    big = max(abs(x) for row in w for x in row) + 1.0
    cost = [[big - x for x in row] for row in w]  # maximise weight = minimise cost
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    match = [0] * (m + 1)  # match[col] = row (1-based), 0 = free
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    pairs = [(match[j] - 1, j - 1) for j in range(1, m + 1) if match[j]]
    return sorted((c, r) for r, c in pairs) if transposed else sorted(pairs)


def _phi4(a: frozenset, b: frozenset) -> float:
    return 2 * len(a & b) / (len(a) + len(b))


def ceaf_e(gold: Clustering, pred: Clustering) -> PRF:
    """Entity-based CEAF (Luo 2005, φ4 similarity) with an optimal cluster alignment."""
    g, p = _aligned(gold, pred)
    gc, pc = clusters_of(g), clusters_of(p)
    if not gc:
        return PRF(0.0, 0.0)
    p_index = {item: j for j, c in enumerate(pc) for item in c}
    # connected components of the bipartite overlap graph (union-find over gold clusters)
    parent = list(range(len(gc)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner: dict[int, int] = {}
    for i, c in enumerate(gc):
        for item in c:
            j = p_index[item]
            if j in owner:
                parent[find(i)] = find(owner[j])
            else:
                owner[j] = i
    comps: dict[int, list[int]] = defaultdict(list)
    for i in range(len(gc)):
        comps[find(i)].append(i)
    total = 0.0
    for rows in comps.values():
        cols = sorted({p_index[item] for i in rows for item in gc[i]})
        matrix = [[_phi4(gc[i], pc[j]) for j in cols] for i in rows]
        total += sum(matrix[r][c] for r, c in hungarian(matrix))
    return PRF(total / len(pc), total / len(gc))


def conll_f1(gold: Clustering, pred: Clustering) -> float:
    """The CoNLL-2012 score: mean F1 of MUC, B³ and CEAF-e."""
    return (muc(gold, pred).f1 + b_cubed(gold, pred).f1 + ceaf_e(gold, pred).f1) / 3


def coref_scores(gold: Clustering, pred: Clustering) -> dict[str, PRF | float]:
    """All coreference scores at once: ``{"muc", "b3", "ceaf_e": PRF, "conll": float}``."""
    m, b, c = muc(gold, pred), b_cubed(gold, pred), ceaf_e(gold, pred)
    return {"muc": m, "b3": b, "ceaf_e": c, "conll": (m.f1 + b.f1 + c.f1) / 3}
