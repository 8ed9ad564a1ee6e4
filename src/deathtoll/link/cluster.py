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
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy as np

from ..errors import DeathtollError
from ..model import EventMention
from .config import LinkConfig, load_config
from .features import MentionView, view
from .pairs import UnionFind, score_candidates
from .score import score_pair


class LinkError(DeathtollError):
    """Linking input is inconsistent (duplicate mention ids)."""

    code = "E600"


@dataclass(frozen=True)
class Cluster:
    """Mentions judged to report one event; ``reasons`` say why each join was made."""

    mention_ids: tuple[str, ...]  # sorted
    reasons: tuple[str, ...] = ()


class _Edge:
    """What links two groups: the best probability per pair of their documents, its
    running total, and the best mention pair (for the reason)."""

    __slots__ = ("doc_best", "total", "best")

    def __init__(self, docs: tuple[str, str], probability: float, best: tuple[float, int, int]) -> None:
        """An edge of one scored pair: its documents, its probability, (p, -i, -j)."""
        self.doc_best: dict[tuple[str, str], float] = {docs: probability}
        self.total = probability
        self.best: tuple[float, int, int] = best  # (probability, -i, -j) of the best mention pair

    def add(self, docs: tuple[str, str], probability: float) -> None:
        old = self.doc_best.get(docs)
        if old is None:
            self.doc_best[docs] = probability
            self.total += probability
        elif probability > old:
            self.doc_best[docs] = probability
            self.total = sum(self.doc_best.values())  # summed in one order: ties break the same way

    def absorb(self, other: "_Edge") -> None:
        for docs, p in other.doc_best.items():
            self.add(docs, p)
        if other.best > self.best:
            self.best = other.best


@dataclass
class _Group:
    members: list[int]
    reasons: list[str] = field(default_factory=list)
    version: int = 0
    docs: set[str] = field(default_factory=set)


def _doc_pairs(a: set[str], b: set[str]) -> int:
    """How many distinct document pairs join groups with documents ``a`` and ``b``: each
    pair of two documents that both groups hold is one pair, not two (``_Edge`` keys
    pairs unordered), so groups sharing reports are averaged over what was scored."""
    k = 0 if a.isdisjoint(b) else len(a & b)  # most groups share no report: no set is built
    return len(a) * len(b) - k * (k - 1) // 2


def _stage(a: set[str], b: set[str]) -> int:
    """0 for a merge inside one report (both groups hold only mentions of the same
    document), else 1: a report's own mentions of its main event (headline, lead, the
    paragraph with the monitor's figure) are joined before other reports are looked at,
    so that another report's cluster cannot take the lead and the figure apart."""
    return 0 if len(a) == 1 and a == b else 1


def _index_pairs(ids: dict[str, int], pairs: Iterable[tuple[str, str]]) -> list[tuple[int, int]]:
    """Analyst pairs as sorted index pairs; pairs naming a mention not in the input are
    skipped (edits may refer to mentions that are not part of this run)."""
    out = {tuple(sorted((ids[a], ids[b]))) for a, b in pairs if a in ids and b in ids and a != b}
    return sorted(out)  # type: ignore[arg-type]


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


def _conflict_sets(a: np.ndarray, b: np.ndarray) -> defaultdict[int, set[int]]:
    """Group -> the groups it conflicts with, from the conflicting pairs ``(a[k], b[k])``
    (both directions; built with numpy: there are millions of them at scale)."""
    src = np.concatenate([a, b])
    dst = np.concatenate([b, a])
    order = np.argsort(src, kind="stable")
    src, dst = src[order], dst[order]
    out: defaultdict[int, set[int]] = defaultdict(set)
    if len(src) == 0:
        return out
    starts = np.flatnonzero(np.r_[True, src[1:] != src[:-1]])
    for g, part in zip(src[starts].tolist(), np.split(dst, starts[1:])):
        out[g] = set(part.tolist())
    return out


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

    uf = UnionFind(len(ordered))
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

    threshold = cfg.weights["score"]["link_threshold"]
    scored = score_candidates(views, cfg, uf, cannot)
    edges: dict[int, dict[int, _Edge]] = {g: {} for g in groups}  # non-conflicting neighbours
    root = np.fromiter((uf.find(k) for k in range(len(views))), dtype=np.int64, count=len(views))
    pi, pj, pp, pc = scored.within_components(threshold, uf)
    conflicts = _conflict_sets(root[pi[pc]], root[pj[pc]])  # groups that may never share a cluster
    doc = [v.doc_id for v in views]
    keep = ~pc
    for i, j, gi, gj, p in zip(pi[keep].tolist(), pj[keep].tolist(), root[pi[keep]].tolist(), root[pj[keep]].tolist(), pp[keep].tolist()):
        di, dj = doc[i], doc[j]
        docs = (di, dj) if di <= dj else (dj, di)
        e = edges[gi].get(gj)
        if e is None:  # most pairs: two groups of one mention each
            edges[gi][gj] = edges[gj][gi] = _Edge(docs, p, (p, -i, -j))
            continue
        e.add(docs, p)
        if (p, -i, -j) > e.best:
            e.best = (p, -i, -j)
    for g, others in conflicts.items():
        for n in others:
            edges[g].pop(n, None)

    heap: list[tuple[float, int, int, int, int]] = []

    # the first candidates go in as one list made a heap (the pop order is the keys' order,
    # whatever the order of insertion: keys are distinct)
    for a, others in edges.items():
        for b, e in others.items():
            if a < b:
                avg = e.total / _doc_pairs(groups[a].docs, groups[b].docs)
                if avg >= threshold:
                    heap.append((_stage(groups[a].docs, groups[b].docs), -avg, a, b, groups[a].version, groups[b].version))
    heapq.heapify(heap)

    while heap:
        _, neg_avg, a, b, va, vb = heapq.heappop(heap)
        if a not in groups or b not in groups or groups[a].version != va or groups[b].version != vb:
            continue
        e = edges[a][b]
        ga, gb = groups[a], groups.pop(b)
        n_pairs = _doc_pairs(ga.docs, gb.docs)
        reason = score_pair(views[-e.best[1]], views[-e.best[2]], cfg).reason
        if n_pairs > 1:
            reason += f" (cluster average {-neg_avg:.2f} over {n_pairs} document pairs)"
        ga.members.extend(gb.members)
        ga.docs |= gb.docs
        ga.reasons.extend(gb.reasons)
        ga.reasons.append(reason)
        ga.version += 1
        # b's conflicts become a's; b's edges join a's (dropped where a now conflicts)
        cb = conflicts.pop(b, set())
        for n in cb:
            conflicts[n].discard(b)
            conflicts[n].add(a)
        ca = conflicts[a]
        ca |= cb
        ea = edges[a]
        del ea[b]
        for n, e in edges.pop(b).items():
            if n == a:
                continue
            del edges[n][b]
            if n in ca:
                continue
            cur = ea.get(n)
            if cur is None:
                ea[n] = edges[n][a] = e
            else:
                cur.absorb(e)
        for n in [n for n in ea if n in ca]:
            del ea[n], edges[n][a]
        # the merged group's average with every neighbour goes back on the heap (the
        # hottest loop of linking, written out)
        docs_a, va = ga.docs, ga.version
        len_a = len(docs_a)
        for n, e in ea.items():
            gn = groups[n]
            docs_n = gn.docs
            k = 0 if docs_a.isdisjoint(docs_n) else len(docs_a & docs_n)
            avg = e.total / (len_a * len(docs_n) - k * (k - 1) // 2)
            if avg >= threshold:
                st = _stage(docs_a, docs_n)
                heapq.heappush(heap, (st, -avg, a, n, va, gn.version) if a < n else (st, -avg, n, a, gn.version, va))

    clusters = [
        Cluster(tuple(sorted(ordered[i].mention_id for i in g.members)), tuple(g.reasons)) for g in groups.values()
    ]
    return sorted(clusters, key=lambda c: c.mention_ids[0])
