"""The main job, through the real CLI, on the bundled demo corpus (our own reports).

What a documenter expects is written down in docs/demo-expected.md; these are its checks.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from deathtoll.cli import cli


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("demo") / "demo.db")
    runner = CliRunner()
    res = runner.invoke(cli, ["--db", db, "demo"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    out = runner.invoke(cli, ["--db", db, "export", "--what", "events", "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    events = [json.loads(line) for line in out.output.splitlines() if line.strip()]
    return db, res.output, events


def find(events, doc_id, perpetrator=None):
    got = [e for e in events if doc_id in e["documents"] and (perpetrator is None or e["perpetrator"]["id"] == perpetrator)]
    assert got, f"no event for {doc_id} / {perpetrator}"
    return got


def test_demo_prints_the_ledger(ledger):
    _, output, events = ledger
    assert "10 added" in output
    assert "EVENT" in output and "Al-Tabqa" in output
    assert len(events) == 7


def test_demo_tabqa_two_reports_one_event_with_every_claim(ledger):
    _, _, events = ledger
    (e,) = find(events, "tabqa-wire-2014-08-28")
    assert set(e["documents"]) == {"tabqa-wire-2014-08-28", "tabqa-snhr-report"}
    assert e["perpetrator"]["id"] == "islamic_state" and e["event_type"] == "execution"
    assert e["place"]["admin1"] == "Raqqa" and e["place"]["country"] == "Syria"
    assert e["date"]["start"].startswith("2014-08")
    figures = {(c["qualifier"], c["low"], c["claimant_kind"]) for c in e["claims"]}
    assert ("more than", 160, "monitor") in figures
    assert ("at least", 375, "monitor") in figures
    assert any(c["qualifier"] == "around" and c["claimant_kind"] == "perpetrator" for c in e["claims"])
    f = e["fatalities"]
    assert f["low"] <= 160 and f["high"] >= 375 and f["low"] <= f["best"] <= f["high"]
    assert e["victims"]["prisoners"]["best"] is not None
    for c in e["claims"]:  # every number traced to its sentence
        assert c["quote"] and c["end"] > c["start"]


def test_demo_al_hamrat_is_its_own_event(ledger):
    _, _, events = ledger
    hamrat = [e for e in events if e["place"]["name"] == "Al-Hamrat"]
    assert len(hamrat) == 1
    assert hamrat[0]["fatalities"]["low"] == 40 and hamrat[0]["documents"] == ["tabqa-snhr-report"]
    assert hamrat[0]["date"] == {"start": "2014-08-28", "end": "2014-08-28", "precision": "day"}


def test_demo_palmyra_spellings_join(ledger):
    _, _, events = ledger
    (e,) = find(events, "palmyra-theatre-2015-07-04")
    assert set(e["documents"]) == {"palmyra-theatre-2015-07-04", "tadmur-theatre-2015-07"}
    assert e["place"]["name"] == "Tadmur" and e["place"]["admin1"] == "Homs"
    assert 25 <= e["fatalities"]["best"] <= 26


def test_demo_qaryatayn_two_perpetrators_two_events(ledger):
    _, _, events = ledger
    (isis,) = find(events, "qaryatayn-2017-10-23", "islamic_state")
    (gov,) = find(events, "qaryatayn-2017-10-23", "syrian_government")
    assert isis["fatalities"]["low"] == 128 and isis["victims"]["civilians"]["low"] == 128
    assert isis["victims"]["children"]["best"] == 11
    assert gov["fatalities"]["low"] == 12


def test_demo_formats_csv_html_and_no_event_from_irrelevant_or_negated(ledger):
    _, _, events = ledger
    (gary,) = find(events, "gary-bar-shooting-1")
    assert set(gary["documents"]) == {"gary-bar-shooting-1", "gary-bar-shooting-2"}
    assert gary["place"]["name"] == "Gary" and gary["fatalities"]["high"] == 3
    maid = [e for e in events if e["place"]["name"] == "Maiduguri"]
    assert len(maid) == 1 and maid[0]["fatalities"]["low"] == 19 and maid[0]["injured"]["best"] is not None
    docs = {d for e in events for d in e["documents"]}
    assert "council-budget-vote" not in docs and "kafr-nabl-shelling-2018-09-06" not in docs
    assert all((c["low"] or 0) < 100000 for e in events for c in e["claims"])


def test_demo_rerun_adds_nothing_and_keeps_event_ids(ledger):
    db, _, events = ledger
    runner = CliRunner()
    again = runner.invoke(cli, ["--db", db, "demo"])
    assert again.exit_code == 0, again.output
    assert "0 added" in again.output and "0 documents processed" in again.output
    out = runner.invoke(cli, ["--db", db, "export", "--what", "events"])
    assert sorted(json.loads(x)["event_id"] for x in out.output.splitlines()) == sorted(e["event_id"] for e in events)


def test_demo_show_lists_claims_with_sources(ledger):
    db, _, events = ledger
    (e,) = find(events, "tabqa-wire-2014-08-28")
    res = CliRunner().invoke(cli, ["--db", db, "show", e["event_id"]])
    assert res.exit_code == 0
    assert "Levant Wire" in res.output and "at least 375" in res.output and "joined because" in res.output
    missing = CliRunner().invoke(cli, ["--db", db, "show", "ev-nope"])
    assert missing.exit_code == 1 and "E404" in missing.output


def test_demo_mentions_export_and_geojson(ledger):
    db, _, _ = ledger
    runner = CliRunner()
    out = runner.invoke(cli, ["--db", db, "export", "--what", "mentions"])
    rows = [json.loads(x) for x in out.output.splitlines()]
    assert rows and all(r["event_id"] and r["doc_id"] for r in rows)
    geo = json.loads(runner.invoke(cli, ["--db", db, "export", "--format", "geojson"]).output)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 7
