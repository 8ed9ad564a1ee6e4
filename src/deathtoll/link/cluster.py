"""Average-linkage clustering of scored mention pairs, with analyst constraints.

Why not threshold + connected components: one good pair A~B and one good pair B~C
would chain A and C even when A and C clearly differ. Here clusters merge best-first
only while (1) the *average* over all cross pairs of documents of the best pair
probability between their mentions reaches ``link_threshold`` (document pairs never
compared count as 0: they did not even share a block; a report's background sentences
do not dilute how well its main account matches another report's) and (2) no cross
pair of mentions is a conflict (strongly incompatible, a same-document
pair that is not strongly compatible, or an analyst cannot-link).
Analyst must-link pairs are joined before anything else.

Deterministic: mentions are processed in mention-id order and ties in the merge
queue are broken by the clusters' smallest mention index, so input order is irrelevant.
"""

from __future__ import annotations

import dataclasses
import heapq
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from ..errors import DeathtollError
from ..model import EventMention
from .blocking import candidate_pairs
from .config import LinkConfig, load_config
from .features import MentionView, view
from .score import PairScore, quick_conflict, score_pair


class LinkError(DeathtollError):
    """Linking input is inconsistent (duplicate mention ids)."""

    code = "E600"


@dataclass(frozen=True)
class Cluster:
    """Mentions judged to report one event; ``reasons`` say why each join was made."""

    mention_ids: tuple[str, ...]  # sorted
    reasons: tuple[str, ...] = ()


@dataclass
class _Edge:
    doc_best: dict[tuple[str, str], float] = field(default_factory=dict)  # best probability per document pair
    conflict: bool = False
    best: PairScore | None = None

    @property
    def total(self) -> float:
        return sum(self.doc_best.values())

    def add(self, docs: tuple[str, str], probability: float) -> None:
        key = (min(docs), max(docs))
        if probability > self.doc_best.get(key, -1.0):
            self.doc_best[key] = probability


@dataclass
class _Group:
    members: list[int]
    reasons: list[str] = field(default_factory=list)
    version: int = 0
    docs: set[str] = field(default_factory=set)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _index_pairs(ids: dict[str, int], pairs: Iterable[tuple[str, str]]) -> list[tuple[int, int]]:
    """Analyst pairs as sorted index pairs; pairs naming a mention not in the input are
    skipped (edits may refer to mentions that are not part of this run)."""
    out = {tuple(sorted((ids[a], ids[b]))) for a, b in pairs if a in ids and b in ids and a != b}
    return sorted(out)  # type: ignore[arg-type]


def _merge_edges(into: dict[int, _Edge], other: dict[int, _Edge], skip: set[int]) -> None:
    for n, e in other.items():
        if n in skip:
            continue
        cur = into.setdefault(n, _Edge())
        for key, p in e.doc_best.items():
            cur.add(key, p)
        cur.conflict = cur.conflict or e.conflict
        if e.best is not None and (cur.best is None or e.best.probability > cur.best.probability):
            cur.best = e.best


def _drop_public_names(views: list[MentionView], max_docs: int) -> list[MentionView]:
    """Forget names shared by more than ``max_docs`` documents: public figures, not victims."""
    docs: dict[str, set[str]] = {}
    for v in views:
        for name in v.persons:
            docs.setdefault(name, set()).add(v.doc_id)
    public = {n for n, d in docs.items() if len(d) > max_docs}
    if not public:
        return views
    return [dataclasses.replace(v, persons=v.persons - public) if v.persons & public else v for v in views]


def link_mentions(
    mentions: Sequence[EventMention],
    *,
    must_link: Iterable[tuple[str, str]] = (),
    cannot_link: Iterable[tuple[str, str]] = (),
    config: LinkConfig | None = None,
) -> list[Cluster]:
    """Group mentions into events. Every mention lands in exactly one cluster.

    ``must_link`` pairs are always joined; ``cannot_link`` pairs never share a cluster,
    except where must-link pairs force them together (then must-link wins and a reason
    says so). Constraint pairs naming unknown mentions are ignored. Duplicate mention
    ids raise :class:`LinkError`. Clusters come back sorted by their first mention id.
    """
    cfg = config or load_config()
    ordered = sorted(mentions, key=lambda m: m.mention_id)
    ids = {m.mention_id: i for i, m in enumerate(ordered)}
    if len(ids) != len(ordered):
        raise LinkError("duplicate mention_id in input")
    views = _drop_public_names([view(m) for m in ordered], int(cfg.w("names", "max_documents")))
    must = _index_pairs(ids, must_link)
    cannot = _index_pairs(ids, cannot_link)

    uf = _UnionFind(len(ordered))
    for i, j in must:
        uf.union(i, j)
    overridden = [(i, j) for i, j in cannot if uf.find(i) == uf.find(j)]
    cannot = [p for p in cannot if p not in overridden]

    groups: dict[int, _Group] = {}
    for i in range(len(ordered)):
        g = groups.setdefault(uf.find(i), _Group(members=[]))
        g.members.append(i)
        g.docs.add(ordered[i].doc_id)
    for i, j in must:
        groups[uf.find(i)].reasons.append(f"{ordered[i].mention_id}~{ordered[j].mention_id}: analyst must-link")
    for i, j in overridden:
        groups[uf.find(i)].reasons.append(
            f"{ordered[i].mention_id}~{ordered[j].mention_id}: analyst cannot-link overridden by must-link"
        )

    edges: dict[int, dict[int, _Edge]] = {g: {} for g in groups}

    def edge(i: int, j: int) -> _Edge | None:
        gi, gj = uf.find(i), uf.find(j)
        if gi == gj:
            return None
        edges[gi].setdefault(gj, _Edge())
        return edges[gj].setdefault(gi, edges[gi][gj])

    for i, j in sorted(candidate_pairs(views, cfg)):
        e = edge(i, j)
        if e is None:
            continue
        if quick_conflict(views[i], views[j], cfg):
            e.conflict = True
            continue
        ps = score_pair(views[i], views[j], cfg)
        e.add((views[i].doc_id, views[j].doc_id), ps.probability)
        e.conflict = e.conflict or ps.conflict
        if e.best is None or ps.probability > e.best.probability:
            e.best = ps
    for i, j in cannot:
        e = edge(i, j)
        if e is not None:
            e.conflict = True

    threshold = cfg.weights["score"]["link_threshold"]
    heap: list[tuple[float, int, int, int, int]] = []

    def push(a: int, b: int) -> None:
        a, b = min(a, b), max(a, b)
        e = edges[a][b]
        if e.conflict:
            return
        avg = e.total / (len(groups[a].docs) * len(groups[b].docs))
        if avg >= threshold:
            heapq.heappush(heap, (-avg, a, b, groups[a].version, groups[b].version))

    for a in sorted(edges):
        for b in sorted(edges[a]):
            if a < b:
                push(a, b)

    while heap:
        neg_avg, a, b, va, vb = heapq.heappop(heap)
        if a not in groups or b not in groups or groups[a].version != va or groups[b].version != vb:
            continue
        e = edges[a][b]
        ga, gb = groups[a], groups.pop(b)
        n_pairs = len(ga.docs) * len(gb.docs)
        reason = e.best.reason if e.best else f"{a}~{b}"
        if n_pairs > 1:
            reason += f" (cluster average {-neg_avg:.2f} over {n_pairs} document pairs)"
        ga.members.extend(gb.members)
        ga.docs |= gb.docs
        ga.reasons.extend(gb.reasons)
        ga.reasons.append(reason)
        ga.version += 1
        eb = edges.pop(b)
        del edges[a][b]
        _merge_edges(edges[a], eb, skip={a})
        for n in list(edges[a]):
            edges[n].pop(b, None)
            edges[n][a] = edges[a][n]
            push(a, n)

    clusters = [
        Cluster(tuple(sorted(ordered[i].mention_id for i in g.members)), tuple(g.reasons)) for g in groups.values()
    ]
    return sorted(clusters, key=lambda c: c.mention_ids[0])
