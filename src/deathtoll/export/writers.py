"""Serialise export records as JSON Lines, CSV or GeoJSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from deathtoll.export.records import flatten


def write_jsonl(records: Sequence[Mapping[str, Any]], out: TextIO) -> None:
    """One JSON object per line, UTF-8 characters kept as they are."""
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False))
        out.write("\n")


def write_csv(records: Sequence[Mapping[str, Any]], header_from: Mapping[str, Any], out: TextIO) -> None:
    """Flattened rows with a header (taken from ``header_from`` so empty exports still have one).

    Nulls are written as empty cells. Open ``out`` with ``newline=""``.
    """
    rows = [flatten(r) for r in records]
    fields = list(flatten(header_from))
    known = set(fields)
    for row in rows:  # keys beyond the template (e.g. extra victim groups) go at the end
        for k in row:
            if k not in known:
                known.add(k)
                fields.append(k)
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})


def point_of(record: Mapping[str, Any], place_keys: Sequence[str] = ("place",)) -> tuple[float, float] | None:
    """(lon, lat) of the first of ``place_keys`` whose place has coordinates, else ``None``."""
    for key in place_keys:
        place = record.get(key) or {}
        lat, lon = place.get("lat"), place.get("lon")
        if lat is not None and lon is not None:
            return float(lon), float(lat)
    return None


def write_geojson(
    records: Sequence[Mapping[str, Any]], id_key: str, out: TextIO, place_keys: Sequence[str] = ("place",)
) -> None:
    """A FeatureCollection of Points, one per record with coordinates.

    The point is that of the first of ``place_keys`` (e.g. ``("event_place", "place")``
    for claims: the event's point, else the mention's) with ``lat``/``lon``.
    Properties are the flattened fields (nulls kept); records without coordinates
    are left out.
    """
    features = []
    for r in records:
        point = point_of(r, place_keys)
        if point is None:
            continue
        features.append(
            {
                "type": "Feature",
                "id": r.get(id_key),
                "geometry": {"type": "Point", "coordinates": list(point)},
                "properties": flatten(r),
            }
        )
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
