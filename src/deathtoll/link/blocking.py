"""Blocking: which pairs of mentions are worth scoring at all.

Comparing every pair is quadratic; instead each mention is put into buckets and
only mentions sharing a bucket are compared (near-linear for realistic data):

* time: dated mentions go into every ISO-week-sized bucket their span, widened by
  half the time window on each side, touches; two spans at most ``time_window_days``
  apart then share a week bucket;
* place, within a week: a cube of side ``place_block_km`` in earth-centred coordinates
  (compared with the 26 neighbouring cubes) for exact places; the (country, admin1) key,
  under which every place is indexed but only coarse places (district, province, or no
  coordinates) probe; the same gazetteer id or name; and an "unknown place" bucket whose
  members are compared with the whole week;
* undated mentions are compared with every mention that has the same place or admin1;
* mentions of one document are always compared with each other (documents are small).

Buckets over-cover (a week bucket holds spans up to ~2 weeks apart, neighbouring
cubes points up to ~3 cubes apart), so pairs found through them are trimmed by the
exact time gap and straight-line distance before they are handed on for scoring.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Hashable

import numpy as np

from .config import LinkConfig
from .features import MentionView
from .geo import EARTH_RADIUS_KM


def _weeks(v: MentionView, half: float, max_weeks: int) -> range | None:
    if v.t0 is None:
        return None
    first = math.floor((v.t0 - half) / 7)
    last = math.floor((v.t1 + half) / 7)  # type: ignore[operator]
    if last - first + 1 > max_weeks:
        return None
    return range(first, last + 1)


def _cube(lat: float, lon: float, cell_km: float) -> tuple[int, int, int]:
    """The cube of side ``cell_km`` holding the point (earth-centred coordinates).

    Chord distance never exceeds great-circle distance, so two points within
    ``cell_km`` lie in the same or neighbouring cubes, at any latitude.
    """
    la, lo = math.radians(lat), math.radians(lon)
    r = EARTH_RADIUS_KM / cell_km
    return (
        math.floor(r * math.cos(la) * math.cos(lo)),
        math.floor(r * math.cos(la) * math.sin(lo)),
        math.floor(r * math.sin(la)),
    )


def _place_keys(v: MentionView, cell_km: float, unknown_prec: int) -> tuple[list[Hashable], list[Hashable]]:
    """(keys the mention is indexed under, keys it probes); empty lists = unknown place.

    Precise places (with coordinates, precision <= 2) meet each other through cubes;
    coarse places (district/province, or no coordinates) meet everything in their admin1.
    """
    if v.place_precision >= unknown_prec:
        return [], []
    own: list[Hashable] = []
    probe: list[Hashable] = []
    precise = v.lat is not None and v.lon is not None and v.place_precision <= 2
    if v.admin1:
        own.append(("adm", v.admin1))
        if not precise:
            probe.append(("adm", v.admin1))
    if v.place_key:
        own.append(("key", v.place_key))
        probe.append(("key", v.place_key))
    if v.lat is not None and v.lon is not None and (precise or not v.admin1):
        x, y, z = _cube(v.lat, v.lon, cell_km)
        own.append(("cell", x, y, z))
        probe.extend(
            ("cell", x + dx, y + dy, z + dz) for dx in (-1, 0, 1) for dy in (-1, 0, 1) for dz in (-1, 0, 1)
        )
    return own, probe


def candidate_codes(views: list[MentionView], cfg: LinkConfig) -> np.ndarray:
    """The pairs (i < j) of ``views`` that share a block, each as the integer ``i * n + j``
    (``n = len(views)``), sorted, each once (int64: millions of pairs cost little)."""
    n = len(views)
    b = cfg.weights["blocking"]
    half = b["time_window_days"] / 2.0
    cell_km = b["place_block_km"]
    max_weeks = int(b["max_span_weeks"])
    unknown_prec = int(b["unknown_place_min_precision"])

    dated: dict[Hashable, list[int]] = defaultdict(list)  # (week, place key) -> members
    week_all: dict[int, list[int]] = defaultdict(list)
    by_key: dict[Hashable, list[int]] = defaultdict(list)  # place key -> members, any time
    by_doc: dict[str, list[int]] = defaultdict(list)
    probes: list[tuple[range | None, list[Hashable]]] = []
    for idx, v in enumerate(views):
        weeks = _weeks(v, half, max_weeks)
        own, probe = _place_keys(v, cell_km, unknown_prec)
        probes.append((weeks, probe))
        by_doc[v.doc_id].append(idx)
        for key in own:
            if key[0] != "cell":
                by_key[key].append(idx)
        if weeks is None:
            continue
        for w in weeks:
            week_all[w].append(idx)
            for key in own:
                dated[(w, key)].append(idx)

    found = _Pairs(views, cell_km * cell_km)
    for members in by_doc.values():  # one report's mentions: always compared
        if len(members) > 1:
            found.within(members)
    by_name: dict[str, list[int]] = defaultdict(list)
    for idx, v in enumerate(views):
        for name in v.persons:
            by_name[name].append(idx)
    for members in by_name.values():
        # the same person named in two reports, whatever the places; a name in more than
        # 200 reports is a public figure, not a victim
        if 1 < len(members) <= 200:
            found.within(members, other_documents=True, window=b["name_window_days"])
    # who probes which dated bucket (only buckets that hold someone), and who, with no
    # place, probes the whole week; undated mentions meet their place's members any time
    probers: dict[Hashable, list[int]] = defaultdict(list)
    blind: dict[int, list[int]] = defaultdict(list)
    for idx, (weeks, probe) in enumerate(probes):
        if weeks is None:
            for key in probe:
                if key[0] != "cell" and key in by_key:
                    found.cross([idx], by_key[key])
            continue
        for w in weeks:
            if not probe:
                blind[w].append(idx)
                continue
            for key in probe:
                if (w, key) in dated:
                    probers[(w, key)].append(idx)
    window = b["time_window_days"]
    for bucket, who in probers.items():
        found.cross(who, dated[bucket], window=window, near=bucket[1][0] == "cell")
    for w, who in blind.items():
        found.cross(who, week_all[w], window=window)
    return found.codes()


#: up to this many candidate pairs a bucket is crossed in plain Python
_SMALL = 64


class _Pairs:
    """Pairs of mentions gathered a bucket at a time with numpy (one bucket can hold
    thousands of mentions), trimmed by the exact time gap and, for cube neighbours, the
    straight-line distance (cubes over-cover), and kept as codes ``i * n + j``."""

    def __init__(self, views: list[MentionView], max_chord2: float) -> None:
        self.n = len(views)
        self.max_chord2 = max_chord2
        self.dated = np.array([v.t0 is not None for v in views], dtype=bool)
        self.t0 = np.array([v.t0 if v.t0 is not None else 0 for v in views], dtype=np.int64)
        self.t1 = np.array([v.t1 if v.t1 is not None else 0 for v in views], dtype=np.int64)
        doc_ids: dict[str, int] = {}
        self.doc = np.array([doc_ids.setdefault(v.doc_id, len(doc_ids)) for v in views], dtype=np.int64)
        xyz = [_xyz(v) for v in views]
        self.has_xyz = np.array([p is not None for p in xyz], dtype=bool)
        self.xyz = np.array([p if p is not None else (0.0, 0.0, 0.0) for p in xyz], dtype=np.float64).reshape(-1, 3)
        self.parts: list[np.ndarray] = []
        self.t0_list, self.t1_list, self.xyz_list = [v.t0 for v in views], [v.t1 for v in views], xyz
        self.small: list[int] = []  # codes found by _cross_small

    def cross(self, who: list[int], members: list[int], *, window: float | None = None, near: bool = False) -> None:
        """Each of ``who`` with each of ``members`` (not itself); with ``window``, only
        spans at most that many days apart (both dated); ``near``: within the cube size."""
        if len(who) * len(members) <= _SMALL:
            self._cross_small(who, members, window, near)
            return
        i = np.repeat(np.asarray(who, dtype=np.int64), len(members))
        j = np.tile(np.asarray(members, dtype=np.int64), len(who))
        keep = i != j
        if window is not None:
            keep &= (self.t0[j] - self.t1[i] <= window) & (self.t0[i] - self.t1[j] <= window)
        if near:
            d = self.xyz[i] - self.xyz[j]
            far = (d[:, 0] ** 2 + d[:, 1] ** 2 + d[:, 2] ** 2) > self.max_chord2
            keep &= ~(far & self.has_xyz[i] & self.has_xyz[j])
        self._add(i[keep], j[keep])

    def _cross_small(self, who: list[int], members: list[int], window: float | None, near: bool) -> None:
        """:meth:`cross` for a few pairs, in plain Python (numpy's cost per call is higher)."""
        n, t0, t1, out = self.n, self.t0_list, self.t1_list, self.small
        xyz, limit = self.xyz_list, self.max_chord2
        for i in who:
            s0, s1, pi = t0[i], t1[i], xyz[i]
            for j in members:
                if j == i or (window is not None and (t0[j] - s1 > window or s0 - t1[j] > window)):
                    continue
                if near and pi is not None:
                    pj = xyz[j]
                    if pj is not None and (pi[0] - pj[0]) ** 2 + (pi[1] - pj[1]) ** 2 + (pi[2] - pj[2]) ** 2 > limit:
                        continue
                out.append(i * n + j if i < j else j * n + i)

    def within(self, members: list[int], *, other_documents: bool = False, window: float | None = None) -> None:
        """Every pair inside ``members``; ``other_documents``: only of two reports;
        ``window``: only spans at most that many days apart when both are dated."""
        m = np.asarray(members, dtype=np.int64)
        x, y = np.triu_indices(len(m), 1)
        i, j = m[x], m[y]
        keep = np.ones(len(i), dtype=bool)
        if other_documents:
            keep &= self.doc[i] != self.doc[j]
        if window is not None:
            both = self.dated[i] & self.dated[j]
            apart = (self.t0[j] - self.t1[i] > window) | (self.t0[i] - self.t1[j] > window)
            keep &= ~(both & apart)
        self._add(i[keep], j[keep])

    def _add(self, i: np.ndarray, j: np.ndarray) -> None:
        if len(i):
            self.parts.append(np.minimum(i, j) * self.n + np.maximum(i, j))

    def codes(self) -> np.ndarray:
        """Every pair found, once, sorted."""
        codes = np.concatenate([*self.parts, np.array(self.small, dtype=np.int64)])
        codes.sort()
        return codes[np.r_[True, codes[1:] != codes[:-1]]] if len(codes) else codes


def _xyz(v: MentionView) -> tuple[float, float, float] | None:
    """Earth-centred coordinates in km (chord distances), or None without a point."""
    if v.lat is None or v.lon is None:
        return None
    la, lo = math.radians(v.lat), math.radians(v.lon)
    return (
        EARTH_RADIUS_KM * math.cos(la) * math.cos(lo),
        EARTH_RADIUS_KM * math.cos(la) * math.sin(lo),
        EARTH_RADIUS_KM * math.sin(la),
    )
