"""The SQLite ledger: the only package that imports ``sqlite3``.

``Store.open(path)`` creates or migrates the file; see ``store.store`` for the API
and ``docs/schema.md`` for the tables and views.
"""

from __future__ import annotations

from deathtoll.store.store import AddResult, Edit, Store

__all__ = ["AddResult", "Edit", "Store"]
