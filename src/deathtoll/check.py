"""``deathtoll check``: is the ledger file sound?

``check_ledger(store)`` runs every consistency check and returns the problems
found (none for a sound ledger):

* SQLite's own ``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check``;
* every schema migration this code knows is applied (and none it does not know);
* document content hashes are unique and match the stored texts;
* every claim's and mention's offsets lie within its document and its quote is
  exactly the document text at those offsets (the traceability contract);
* every mention and claim has its document, every claim its mention, every event
  its mentions;
* every toll is ordered: low <= best <= high (fatalities, injured, victim groups).

The SQL lives in ``deathtoll.store.integrity`` (only the store touches SQLite).
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import DeathtollError
from .store import Store


@dataclass(frozen=True)
class Problem:
    """One inconsistency: which check found it (``kind``) and what it is (``detail``)."""

    kind: str
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.detail}"


def check_ledger(store: Store) -> list[Problem]:
    """Every problem the checks find in ``store`` (empty for a sound ledger). Never raises a
    ``DeathtollError``: a file that cannot even be read is reported as a problem."""
    try:
        return [Problem(kind, detail) for kind, detail in store.integrity_findings()]
    except DeathtollError as e:
        return [Problem("sqlite", str(e))]
