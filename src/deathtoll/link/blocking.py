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
from typing import Hashable, Iterable

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


def candidate_codes(views: list[MentionView], cfg: LinkConfig) -> set[int]:
    """The pairs (i < j) of ``views`` that share a block, each as the integer ``i * n + j``
    (``n = len(views)``: millions of small ints cost far less than millions of tuples)."""
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

    window = b["time_window_days"]
    xyz = [_xyz(v) for v in views]
    max_chord2 = cell_km * cell_km
    pairs: set[int] = set()

    t0 = [v.t0 for v in views]
    t1 = [v.t1 for v in views]

    def add(i: int, others: Iterable[int], near: bool = False) -> None:
        """Pair ``i`` with ``others`` that are within the time window (and, for cube
        neighbours, within ``place_block_km``: cubes over-cover, this trims them)."""
        pi, s0, s1 = xyz[i], t0[i], t1[i]
        for j in others:
            if j == i or t0[j] - s1 > window or s0 - t1[j] > window:  # type: ignore[operator]
                continue
            if near and pi is not None:
                pj = xyz[j]
                if pj is not None and (pi[0] - pj[0]) ** 2 + (pi[1] - pj[1]) ** 2 + (pi[2] - pj[2]) ** 2 > max_chord2:
                    continue
            pairs.add(i * n + j if i < j else j * n + i)

    for members in by_doc.values():
        for i in members:
            for j in members:
                if i < j:
                    pairs.add(i * n + j)
    _name_pairs(views, b["name_window_days"], pairs)
    for idx, (weeks, probe) in enumerate(probes):
        if weeks is None:  # undated: same place or admin1, any time
            for key in probe:
                if key[0] != "cell":
                    for j in by_key.get(key, ()):
                        if j != idx:
                            pairs.add(idx * n + j if idx < j else j * n + idx)
            continue
        for w in weeks:
            if not probe:  # unknown place: the whole week
                add(idx, week_all[w])
                continue
            for key in probe:
                add(idx, dated.get((w, key), ()), near=key[0] == "cell")
    return pairs


def _name_pairs(views: list[MentionView], window: float, pairs: set[int]) -> None:
    """Add pairs of mentions (of different documents) whose reports name the same person,
    at most ``window`` days apart (undated mentions always), whatever their places."""
    by_name: dict[str, list[int]] = defaultdict(list)
    for idx, v in enumerate(views):
        for name in v.persons:
            by_name[name].append(idx)
    for members in by_name.values():
        if len(members) > 200:  # a name in that many reports is a public figure, not a victim
            continue
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                vi, vj = views[i], views[j]
                if vi.doc_id == vj.doc_id:
                    continue
                if vi.t0 is not None and vj.t0 is not None and (
                    vj.t0 - vi.t1 > window or vi.t0 - vj.t1 > window  # type: ignore[operator]
                ):
                    continue
                pairs.add(i * len(views) + j if i < j else j * len(views) + i)


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
