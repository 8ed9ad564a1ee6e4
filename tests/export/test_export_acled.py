"""ACLED export: ACLED's columns in order, event/sub-event types, inter codes, conservative fatalities."""

from __future__ import annotations

import csv
import io
from datetime import date

from interop_samples import ALL, DOC_META, IS, SYRIA_GOV, claim, day, event, mention
from deathtoll.export import write
from deathtoll.export.acled import ACLED_COLUMNS, ACLED_EVENT_TYPES, event_types, fatalities

ACLED_ORDER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]


def rows(events=ALL):
    buf = io.StringIO()
    write(events, "events", "acled", buf, doc_meta=DOC_META)
    buf.seek(0)
    reader = csv.DictReader(buf)
    return reader.fieldnames, {r["event_id_cnty"]: r for r in reader}


def test_columns_exactly_acled_in_order():
    assert rows()[0] == ACLED_ORDER == list(ACLED_COLUMNS)


def test_execution_is_violence_against_civilians():
    r = rows()[1]["SYR-ev-exec"]
    assert (r["event_type"], r["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert (r["actor1"], r["inter1"], r["actor2"], r["inter2"], r["interaction"]) == (
        "Islamic State", "2", "Civilians (Syria)", "7", "27")
    assert r["civilian_targeting"] == "Civilian targeting"
    assert r["disorder_type"] == "Political violence"
    assert (r["event_date"], r["year"], r["time_precision"]) == ("2015-05-27", "2015", "1")
    assert (r["iso"], r["region"], r["country"], r["admin1"], r["location"]) == ("760", "Middle East", "Syria", "Homs", "Palmyra")
    assert r["geo_precision"] == "1" and float(r["longitude"]) == 38.28
    assert r["fatalities"] == "20"  # the reconciled low, not the best (25)
    assert r["source"] == "Wire A; Monitor B"
    assert r["timestamp"] == "1432857600"  # 2015-05-29, the latest report
    assert "children killed" in r["tags"] and "contradictory reports" in r["tags"]
    assert r["notes"].startswith("On 27 May 2015, execution by Islamic State in Palmyra")


def test_clash_air_strike_and_suicide_bombing():
    got = rows()[1]
    clash, air, bomb = got["SYR-ev-clash"], got["SYR-ev-air"], got["NGA-ev-bomb"]
    assert (clash["event_type"], clash["sub_event_type"], clash["interaction"]) == ("Battles", "Armed clash", "12")
    assert clash["actor2"] == "Armed opposition groups" and clash["civilian_targeting"] == ""
    assert clash["event_date"] == "2016-03-02" and clash["time_precision"] == "2"  # middle of 1-3 March
    assert clash["geo_precision"] == "3"  # province-level place
    assert (air["event_type"], air["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert (air["inter1"], air["interaction"]) == ("8", "78")  # foreign state forces
    assert air["fatalities"] == "12"  # "dozens" = 12 by ACLED's rule
    assert (air["time_precision"], air["event_date"]) == ("3", "2016-02-15")
    assert (bomb["event_type"], bomb["sub_event_type"]) == ("Explosions/Remote violence", "Suicide bomb")
    assert (bomb["actor1"], bomb["inter1"]) == ("Unidentified Armed Group (Nigeria)", "3")
    assert bomb["fatalities"] == "30" and bomb["iso"] == "566" and bomb["region"] == "Western Africa"
    for r in got.values():
        assert r["event_type"] in ACLED_EVENT_TYPES
        assert int(r["fatalities"]) >= 0


def test_mapping_by_event_type_and_victims():
    def ev(event_type, victim="civilian", method=None, actor=SYRIA_GOV):
        m = mention("mx", "d1", event_type, actor, claim(5, "d1", victim=victim), victim=victim, method=method)
        return event("evx", event_type, actor, [m], fat=(5, 5, 5))
    assert event_types(ev("shelling")) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert event_types(ev("chemical_attack")) == ("Explosions/Remote violence", "Chemical weapon")
    assert event_types(ev("bombing")) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert event_types(ev("shooting")) == ("Violence against civilians", "Attack")
    assert event_types(ev("shooting", victim="combatant")) == ("Battles", "Armed clash")
    assert event_types(ev("massacre", actor=IS)) == ("Violence against civilians", "Attack")


def test_fatalities_vague_hundreds_and_no_claims():
    hundreds = claim(300, "d1", qualifier="hundreds", low=200, high=999)
    e = event("evh", "massacre", IS, [mention("mh", "d1", "massacre", IS, hundreds)], fat=(200, 300, 999))
    assert fatalities(e) == 100
    e0 = event("ev0", "massacre", IS, [mention("m0", "d1", "massacre", IS)], fat=(None, None, None))
    assert fatalities(e0) == 0
    scaled = claim(3000, "d1", qualifier="several hundred", low=300, high=999)
    es = event("evs", "massacre", IS, [mention("ms", "d1", "massacre", IS, scaled)], fat=(300, 500, 999))
    assert fatalities(es) == 300  # 10 x 100 capped at the wording's own low
    undated = event("evu", "execution", IS, [mention("mu", "d1", "execution", IS, claim(4, "d1"))], fat=(4, 4, 4),
                    time=day(date(2015, 1, 1)))
    assert fatalities(undated) == 4
