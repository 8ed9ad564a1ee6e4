"""Link stage: group event mentions that report the same real event.

``link_mentions(mentions, must_link=(), cannot_link=()) -> list[Cluster]``.
Blocking (``blocking``) picks the pairs worth comparing, ``score`` turns features
into a probability (explained in words only for the pairs that are joined), ``pairs``
scores every blocked pair on every core into compact arrays, ``cluster`` joins mentions
by average linkage with analyst constraints. Weights: ``resources/link_weights.json``.
"""

from __future__ import annotations

from .cluster import Cluster, LinkError, link_mentions
from .geo import haversine_km
from .score import PairScore, score_pair

__all__ = ["Cluster", "LinkError", "PairScore", "haversine_km", "link_mentions", "score_pair"]
