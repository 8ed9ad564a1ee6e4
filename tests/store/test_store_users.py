"""Store: users and API tokens (migration 2), the audit-log readers."""

from __future__ import annotations

import sqlite3

import pytest

from deathtoll.errors import NotFound, StoreError
from deathtoll.store import Store


def test_migration_2_adds_users_and_tokens(tmp_path):
    path = tmp_path / "l.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"users", "api_tokens"} <= names
    assert 2 in {r[0] for r in conn.execute("SELECT version FROM _migrations")}
    conn.close()


def test_users_and_tokens_round_trip(tmp_path):
    with Store.open(tmp_path / "l.db") as s:
        s.add_user("alice", "scrypt$hash")
        with pytest.raises(StoreError):
            s.add_user("alice", "other")
        assert s.password_hash("alice") == "scrypt$hash"
        assert s.password_hash("bob") is None
        s.set_password_hash("alice", "scrypt$new")
        assert s.password_hash("alice") == "scrypt$new"
        assert s.users() == ["alice"]
        tid = s.add_api_token("alice", "h1")
        assert s.token_user("h1") == "alice" and s.token_user("h2") is None
        s.revoke_api_token(tid)
        assert s.token_user("h1") is None
        with pytest.raises(NotFound):
            s.add_api_token("bob", "h3")
        with pytest.raises(NotFound):
            s.revoke_api_token(999)


def test_edits_lists_undone_too_and_get_edit(tmp_path):
    with Store.open(tmp_path / "l.db") as s:
        a = s.add_edit("alice", "confirm", "ev-1", {"before": 1, "after": 2})
        b = s.add_edit("alice", "exclude_claim", "c-1", {"reason": "dup"})
        s.undo_edit(a)
        assert [e.edit_id for e in s.edits()] == [a, b]
        assert s.edits()[0].undone_at is not None
        assert [e.edit_id for e in s.edits(include_undone=False)] == [b]
        assert [e.edit_id for e in s.edits(target="c-1")] == [b]
        assert s.get_edit(b).payload == {"reason": "dup"}
        with pytest.raises(NotFound):
            s.get_edit(12345)
