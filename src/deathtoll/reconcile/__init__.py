"""Reconcile stage: the mentions of one event -> low/best/high tolls and contradictions.

The rule is written down in :mod:`deathtoll.reconcile.rules`; its parameters live in
``resources/reconcile_rules.json``.
"""

from __future__ import annotations

from .core import Reconciliation, reconcile
from .representative import Representative, representative

__all__ = ["Reconciliation", "Representative", "reconcile", "representative"]
