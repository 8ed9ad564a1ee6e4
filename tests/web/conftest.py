"""Fixtures for the web tests: a hand-made ledger, an app, clients with and without a user."""

from __future__ import annotations

import re
import sys
import warnings
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

with warnings.catch_warnings():  # starlette 1.x suggests httpx2; httpx still works
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from web_samples import FakePipeline, build_ledger  # noqa: E402

from deathtoll.web import auth, create_app  # noqa: E402

PASSWORD = "correct horse battery"


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: end-to-end test driving Debian's chromium (skipped without it)")


@pytest.fixture
def ledger(tmp_path):
    lg = build_ledger(tmp_path / "ledger.db")
    auth.create_user(lg.store, "alice", PASSWORD)
    yield lg
    lg.close()


@pytest.fixture
def app(ledger):
    return create_app(ledger.path, pipeline=FakePipeline(), secret_key="test-secret")


@pytest.fixture
def client(app):
    with TestClient(app) as c:
        yield c


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, "no CSRF field in the page"
    return m.group(1)


@pytest.fixture
def signed_in(client):
    """``client`` signed in as alice; ``client.csrf`` holds the session's CSRF token."""
    page = client.get("/login")
    r = client.post("/login", data={"name": "alice", "password": PASSWORD, "csrf": csrf_of(page.text), "next": "/"},
                    follow_redirects=False)
    assert r.status_code == 303
    client.csrf = csrf_of(client.get("/").text)
    return client


@pytest.fixture
def token(ledger):
    return auth.create_token(ledger.store, "alice")
