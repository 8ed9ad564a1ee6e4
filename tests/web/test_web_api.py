"""The JSON API and the HTML pages through Starlette's TestClient (hand-made ledger, no spaCy)."""

from __future__ import annotations

from web_samples import IMG, XSS

from conftest import PASSWORD, csrf_of


def zango_id(client) -> str:
    return next(e["event_id"] for e in client.get("/api/events").json()["events"] if e["n_mentions"] == 2)


def mosul_id(client) -> str:
    return next(e["event_id"] for e in client.get("/api/events").json()["events"] if e["n_mentions"] == 1)


# ---------------------------------------------------------------- reading (open)


def test_list_filters_and_sort(client):
    body = client.get("/api/events").json()
    assert body["count"] == 2
    assert [e["date_start"] for e in body["events"]] == ["2021-05-03", "2021-03-03"]  # newest first
    assert client.get("/api/events?country=IQ").json()["count"] == 1
    assert client.get("/api/events?admin1=katsina").json()["count"] == 1
    assert client.get("/api/events?perpetrator=islamic").json()["count"] == 1
    assert client.get("/api/events?type=bombing").json()["count"] == 1
    assert client.get("/api/events?min_deaths=20").json()["count"] == 1
    assert client.get("/api/events?since=2021-04-01&until=2021-06-01").json()["count"] == 1
    deaths = [e["fatalities"]["best"] for e in client.get("/api/events?sort=deaths&order=asc").json()["events"]]
    assert deaths == sorted(deaths)
    r = client.get("/api/events?since=yesterday")
    assert r.status_code == 400 and r.json()["error"]["code"] == "E600"


def test_needs_review_filter(client, token):
    assert client.get("/api/events?needs_review=1").json()["count"] == 2
    r = client.post(f"/api/events/{mosul_id(client)}/confirm", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 201
    rows = client.get("/api/events?needs_review=1").json()["events"]
    assert [e["n_contradictions"] for e in rows] == [1]  # only the contradicted one is left


def test_event_and_document_json(client):
    eid = zango_id(client)
    e = client.get(f"/api/events/{eid}").json()
    assert e["event_id"] == eid and e["fatalities"]["low"] == 12
    assert {c["claim_id"] for c in e["claims"]} == {"cl-doc-a", "cl-doc-b"}
    assert e["contradictions"] and e["link_reasons"] and e["needs_review"]
    d = client.get("/api/documents/doc-b").json()
    assert d["title"].endswith(XSS) and d["events"] == [eid] and len(d["mentions"]) == 1
    assert client.get("/api/events/ev-nope").status_code == 404
    assert client.get("/api/documents/nope").json()["error"]["code"] == "E404"


def test_openapi_lists_every_api_route(client):
    spec = client.get("/api/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    for path in ("/api/events", "/api/events/{event_id}", "/api/documents/{doc_id}", "/api/edits",
                 "/api/edits/{edit_id}", "/api/merge", "/api/split", "/api/claims/{claim_id}/exclude",
                 "/api/claims/{claim_id}/correct", "/api/events/{event_id}/confirm", "/api/events/{event_id}/correct"):
        assert path in spec["paths"]


# ---------------------------------------------------------------- writing (auth)


def test_writes_need_a_user(client):
    eid = zango_id(client)
    assert client.post(f"/api/events/{eid}/confirm").status_code == 401
    assert client.post(f"/api/events/{eid}/confirm", headers={"Authorization": "Bearer dt_wrong"}).status_code == 401
    assert client.delete("/api/edits/1").status_code == 401
    r = client.post(f"/events/{eid}/confirm", data={"csrf": "x"})
    assert r.status_code == 401 and "sign in" in r.text.lower()
    assert client.get("/api/edits").json()["edits"] == []


def test_api_actions_with_a_token(client, token):
    h = {"Authorization": f"Bearer {token}"}
    z, m = zango_id(client), mosul_id(client)
    r = client.post("/api/claims/cl-doc-b/exclude", json={"reason": "double count"}, headers=h)
    assert r.status_code == 201
    assert client.get(f"/api/events/{z}").json()["fatalities"]["best"] == 12
    assert client.post("/api/claims/cl-doc-c/correct", json={"value": 29}, headers=h).status_code == 201
    assert client.get(f"/api/events/{m}").json()["fatalities"]["best"] == 29
    r = client.post(f"/api/events/{m}/correct", json={"field": "date", "value": "2021-03-04"}, headers=h)
    assert r.status_code == 201
    assert client.post(f"/api/events/{m}/correct", json={"field": "date", "value": "soon"}, headers=h).status_code == 400
    assert client.post("/api/merge", json={"event_ids": [z, m]}, headers=h).status_code == 201
    assert client.get("/api/events").json()["count"] == 1
    edits = client.get("/api/edits").json()["edits"]
    assert [e["action"] for e in edits] == ["exclude_claim", "correct", "correct", "merge"]
    assert all(e["user"] == "alice" and "before" in e["payload"] and "after" in e["payload"] for e in edits)
    assert client.delete(f"/api/edits/{edits[-1]['edit_id']}", headers=h).status_code == 200
    assert client.get("/api/events").json()["count"] == 2
    assert client.get("/api/edits").json()["edits"][-1]["undone_at"]
    assert client.post("/api/split", json={"mention_id": "m-doc-a"}, headers=h).status_code == 201
    assert client.get("/api/events").json()["count"] == 3
    assert client.post("/api/merge", json={"event_ids": "ab"}, headers=h).status_code == 400
    assert client.post("/api/split", content=b"[1", headers=h).status_code == 400


def test_session_writes_need_the_csrf_header(signed_in):
    eid = mosul_id(signed_in)
    assert signed_in.post(f"/api/events/{eid}/confirm").status_code == 403
    r = signed_in.post(f"/api/events/{eid}/confirm", headers={"X-CSRF-Token": signed_in.csrf})
    assert r.status_code == 201


# ---------------------------------------------------------------- pages and forms


def test_pages_render(client):
    for url in ("/", "/map", "/timeline", "/edits", "/login", "/documents/doc-a", f"/events/{zango_id(client)}"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert "script-src 'none'" in r.headers["content-security-policy"]
    assert "<circle" in client.get("/map").text and "<path d=\"M" in client.get("/map").text
    assert "<rect x=" in client.get("/timeline").text
    assert client.get("/events/ev-nope").status_code == 404
    assert "expected YYYY-MM-DD" in client.get("/?since=bad").text


def test_login_rejects_bad_password_and_csrf(client):
    page = client.get("/login")
    r = client.post("/login", data={"name": "alice", "password": "nope", "csrf": csrf_of(page.text)})
    assert r.status_code == 401 and "Wrong name or password" in r.text
    r = client.post("/login", data={"name": "alice", "password": PASSWORD, "csrf": "forged"})
    assert r.status_code == 403
    r = client.post("/login", data={"name": "alice", "password": PASSWORD, "csrf": csrf_of(page.text),
                                    "next": "//evil.example/"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"


def test_form_actions_need_csrf_and_redirect_to_the_event(signed_in):
    eid = mosul_id(signed_in)
    r = signed_in.post(f"/events/{eid}/confirm", data={"csrf": "forged"})
    assert r.status_code == 403
    r = signed_in.post(f"/events/{eid}/confirm", data={"csrf": signed_in.csrf, "next": f"/events/{eid}"},
                       follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/events/{eid}"
    page = signed_in.get(f"/events/{eid}").text
    assert 'id="status">confirmed' in page and "Undo" in page
    edit_id = signed_in.get("/api/edits").json()["edits"][0]["edit_id"]
    r = signed_in.post(f"/edits/{edit_id}/undo", data={"csrf": signed_in.csrf, "next": f"/events/{eid}"})
    assert r.status_code == 200 and 'id="status">unconfirmed' in r.text


def test_merge_form_follows_the_mention_to_its_event(signed_in):
    z, m = zango_id(signed_in), mosul_id(signed_in)
    r = signed_in.post(f"/events/{m}/merge", data={"csrf": signed_in.csrf, "other": z, "keep_mention": "m-doc-c",
                                                   "next": f"/events/{m}"}, follow_redirects=False)
    assert r.headers["location"] == f"/events/{z}"  # the bigger event kept its id


def test_untrusted_text_is_escaped_everywhere(client):
    z = zango_id(client)
    for url in (f"/events/{z}", "/documents/doc-b", "/"):
        html = client.get(url).text
        assert "<script>alert" not in html and "<img src=x" not in html, url
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in client.get("/documents/doc-b").text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in client.get(f"/events/{z}").text
    assert IMG in client.get("/api/documents/doc-b").json()["text"]  # JSON carries the raw text


def test_quote_highlighted_in_context(client):
    html = client.get(f"/events/{zango_id(client)}").text
    assert '<mark class="number quote">12</mark>' in html
    assert "Local news. <mark class=\"quote\">Gunmen killed </mark>" in html
