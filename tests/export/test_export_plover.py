"""PLOVER export: one JSON record per event; ASSAULT, modes, actors, location, evidence."""

from __future__ import annotations

import io
import json

from interop_samples import ALL, DOC_META
from deathtoll.export import write
from deathtoll.export.plover import PLOVER_KEYS

#: ASSAULT modes of the PLOVER manual (draft 0.7b1) plus POLECAT's aerial/unconventional.
ASSAULT_MODES = {"abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy", "primitive",
                 "firearms", "explosives", "suicide-attack", "heavy-weapons", "aerial", "unconventional"}
SECTORS = {"GOV", "MIL", "COP", "REB", "PRM", "UAF", "CVL"}


def records():
    buf = io.StringIO()
    assert write(ALL, "events", "plover", buf, doc_meta=DOC_META) == 4
    return {r["id"]: r for r in map(json.loads, buf.getvalue().splitlines())}


def test_keys_and_types():
    for r in records().values():
        assert list(r) == list(PLOVER_KEYS)
        assert r["event"] == ["ASSAULT"] and r["quad_code"] == 4
        assert set(r["mode"]) <= ASSAULT_MODES
        assert all(a["sector"] in SECTORS and len(a["code"]) == 3 for a in r["source"] + r["recipient"])
        assert isinstance(r["date"], str) and len(r["date"]) == 10


def test_execution_record():
    r = records()["ev-exec"]
    assert r["mode"] == ["execute", "firearms"]  # the method says "shot"
    assert r["source"] == [{"code": "IMG", "sector": "REB", "actor_text": "Islamic State",
                            "identifier_id": "islamic_state", "identifier_text": "Islamic State"}]
    assert r["recipient"] == [{"code": "SYR", "sector": "CVL", "actor_text": "civilians"}]
    assert r["event_loc"] == {"name": "Palmyra", "geonameid": 170778, "latitude": 34.56, "longitude": 38.28,
                              "country_code": "SY", "cc3": "SYR", "country": "Syria", "admin1": "Homs", "precision": 1}
    assert (r["date"], r["enddate"], r["dead"], r["injured"]) == ("2015-05-27", None, 25, None)
    assert r["text_info"][0] == {"doc_id": "d1", "quote": "Quote of m1.", "start": 0, "end": 30}
    assert [c["publication"] for c in r["cite_info"]] == ["Wire A", "Monitor B"]
    assert r["cite_info"][0]["url"] == "http://a.test/1" and r["cite_info"][1]["published"] == "2015-05-29"


def test_modes_actors_of_other_events():
    got = records()
    assert got["ev-air"]["mode"] == ["aerial"]
    assert got["ev-air"]["source"][0]["code"] == "RUS" and got["ev-air"]["source"][0]["sector"] == "MIL"
    assert got["ev-bomb"]["mode"] == ["explosives", "suicide-attack"]
    assert got["ev-bomb"]["source"][0]["sector"] == "UAF" and got["ev-bomb"]["source"][0]["code"] == "NGA"
    clash = got["ev-clash"]
    assert clash["recipient"] == [] and clash["enddate"] == "2016-03-03"  # two-sided: no recipient
