"""Password hashing, API tokens and the CLI commands that create them."""

from __future__ import annotations

from click.testing import CliRunner

from deathtoll.cli import cli
from deathtoll.store import Store
from deathtoll.web import auth


def test_password_hash_is_salted_and_verifies():
    a, b = auth.hash_password("s3cret-pass"), auth.hash_password("s3cret-pass")
    assert a != b and a.startswith("scrypt$")
    assert auth.verify_password("s3cret-pass", a) and not auth.verify_password("s3cret-pasS", a)
    assert not auth.verify_password("anything", None) and not auth.verify_password("x", "garbage")


def test_tokens_are_stored_hashed(tmp_path):
    with Store.open(tmp_path / "l.db") as s:
        auth.create_user(s, "bob", "long enough")
        tok = auth.create_token(s, "bob")
        assert auth.bearer_user(s, f"Bearer {tok}") == "bob"
        assert auth.bearer_user(s, f"Basic {tok}") is None and auth.bearer_user(s, None) is None
        assert s.token_user(tok) is None  # the raw token is not what is stored


def test_cli_user_add_and_token_create(tmp_path):
    db = str(tmp_path / "l.db")
    r = CliRunner().invoke(cli, ["--db", db, "user", "add", "carol", "--password", "a fine password"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(cli, ["--db", db, "user", "add", "carol", "--password", "a fine password"])
    assert r.exit_code == 1 and "already exists" in r.output
    r = CliRunner().invoke(cli, ["--db", db, "user", "add", "dave", "--password", "short"])
    assert r.exit_code == 1 and "8 characters" in r.output
    r = CliRunner().invoke(cli, ["--db", db, "token", "create", "carol"])
    assert r.exit_code == 0 and r.output.startswith("dt_")
    with Store.open(db) as s:
        assert auth.check_login(s, "carol", "a fine password")
        assert auth.bearer_user(s, "Bearer " + r.output.strip()) == "carol"
    assert CliRunner().invoke(cli, ["--db", db, "token", "create", "nobody"]).exit_code == 1
    assert "--port" in CliRunner().invoke(cli, ["serve", "--help"]).output
