"""UCDP GED export: GED's columns in GED's order, codes and types per the codebook."""

from __future__ import annotations

import csv
import io

import pytest

from interop_samples import AIR_STRIKE, ALL, BOMBING, CLASH, DOC_META, EXECUTION
from deathtoll.errors import ExportError
from deathtoll.export import write
from deathtoll.export.ucdp import UCDP_COLUMNS, date_prec, priogrid_gid, sides
from deathtoll.model import TimeSpan
from datetime import date

GED_ORDER = [
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id", "conflict_new_id",
    "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a",
    "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources", "source_article", "source_office",
    "source_date", "source_headline", "source_original", "where_prec", "where_coordinates", "where_description",
    "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region",
    "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians",
    "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
]


def rows(events=ALL):
    buf = io.StringIO()
    assert write(events, "events", "ucdp-ged", buf, doc_meta=DOC_META) == len(events)
    buf.seek(0)
    reader = csv.DictReader(buf)
    return reader.fieldnames, {r["id"]: r for r in reader}


def test_columns_exactly_ged_in_order():
    header, _ = rows()
    assert header == GED_ORDER == list(UCDP_COLUMNS)
    header, got = rows([])
    assert header == GED_ORDER and got == {}


def test_one_sided_execution():
    r = rows()[1]["ev-exec"]
    assert r["type_of_violence"] == "3"
    assert (r["side_a"], r["side_b"], r["dyad_name"]) == ("Islamic State", "Civilians", "Islamic State - Civilians")
    assert r["conflict_name"] == "Islamic State - Civilians"
    assert (r["best"], r["low"], r["high"]) == ("25", "20", "25")
    assert (r["deaths_civilians"], r["deaths_a"], r["deaths_b"], r["deaths_unknown"]) == ("25", "0", "0", "0")
    assert r["code_status"] == "Check deaths"  # the reports contradict each other
    assert (r["country"], r["country_id"], r["region"]) == ("Syria", "652", "Middle East")
    assert (r["date_prec"], r["date_start"], r["date_end"], r["year"]) == ("1", "2015-05-27", "2015-05-27", "2015")
    assert (r["where_prec"], r["where_coordinates"], r["adm_1"]) == ("1", "Palmyra", "Homs")
    assert r["where_description"] == "the ancient town of Palmyra"
    assert r["geom_wkt"] == "POINT (38.28 34.56)" and float(r["latitude"]) == 34.56
    assert r["event_clarity"] == "1" and r["number_of_sources"] == "2"
    assert r["source_article"] == ("Wire A, Executions in Palmyra, 2015-05-28; "
                                   "Monitor B, Palmyra killings, 2015-05-29")
    assert r["source_original"] == "a monitoring group;residents"
    assert r["relid"] == "SYR-2015-ev-exec"
    assert r["gwnoa"] == "" and r["gwnob"] == ""  # Islamic State is not a state
    assert r["conflict_dset_id"] == r["dyad_dset_id"] == r["side_a_dset_id"] == ""


def test_state_based_clash_sides_and_deaths_add_up():
    r = rows()[1]["ev-clash"]
    assert r["type_of_violence"] == "1"
    assert (r["side_a"], r["side_b"]) == ("Syrian government forces", "Armed opposition groups")
    assert r["conflict_name"] == ""  # incompatibility unknown
    assert (r["deaths_a"], r["deaths_b"], r["deaths_civilians"], r["deaths_unknown"]) == ("0", "16", "0", "0")
    assert r["gwnoa"] == "652"
    assert (r["date_prec"], r["event_clarity"]) == ("2", "2")  # 3 days; province-level place
    for row in rows()[1].values():
        parts = sum(int(row[k]) for k in ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown"))
        assert parts == int(row["best"])
        assert int(row["low"]) <= int(row["best"]) <= int(row["high"])


def test_air_strike_and_bombing():
    got = rows()[1]
    air, bomb = got["ev-air"], got["ev-bomb"]
    assert air["type_of_violence"] == "3" and air["gwnoa"] == "365"  # Russia's G-W number
    assert air["date_prec"] == "4" and air["deaths_civilians"] == "36"
    assert bomb["type_of_violence"] == "3" and bomb["side_a"] == "Unknown"
    assert (bomb["country_id"], bomb["region"], bomb["high"]) == ("475", "Africa", "30")  # open high → best
    assert bomb["priogrid_gid"] == str(priogrid_gid(12.0, 8.5))


def test_active_year_sums_dyad_deaths_in_year():
    got = rows()[1]
    assert got["ev-exec"]["active_year"] == "1"  # 25 deaths
    assert got["ev-clash"]["active_year"] == "0"  # 16 < 25


def test_helpers():
    assert priogrid_gid(-90, -180) == 1
    assert priogrid_gid(-89.9, -179.6) == 1 and priogrid_gid(-89.9, -179.4) == 2
    assert priogrid_gid(-89.4, -180) == 721
    d = date(2020, 1, 1)
    assert [date_prec(TimeSpan(d, date(2020, 1, n))) for n in (1, 6, 7, 31)] == [1, 2, 3, 4]
    assert date_prec(TimeSpan(d, date(2020, 3, 1))) == 5 and date_prec(None) is None
    assert sides(CLASH).perpetrator_is_a and not sides(BOMBING).gwnoa
    assert sides(AIR_STRIKE).side_b == "Civilians" and sides(EXECUTION).type_of_violence == 3


def test_dataset_formats_take_events_only():
    with pytest.raises(ExportError):
        write(ALL, "claims", "ucdp-ged", io.StringIO())
