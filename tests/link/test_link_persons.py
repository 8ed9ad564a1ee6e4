"""Names of victims and suspects shared by two reports link them (officials' names do not)."""

from __future__ import annotations

from datetime import date

from deathtoll.extract.persons import find_persons, person_key
from deathtoll.link import link_mentions
from deathtoll.model import EventMention, Place, TimeSpan

ELM = Place("Elmwood", admin1="Ohio", country="United States", country_code="US", lat=40.0, lon=-83.0, geonameid=1)
ELM_WRONG = Place("Elmwood County", admin1="Nebraska", country="United States", country_code="US",
                  lat=41.0, lon=-96.0, precision=3)


def _m(mid, doc, place, when, persons=()):
    return EventMention(mention_id=mid, doc_id=doc, event_type="shooting", place=place,
                        time=TimeSpan(when, when, "day"), persons=tuple(persons))


def test_person_key_folds_initials_suffixes_and_possessives():
    assert person_key("Darnell Q. Price Jr.'s") == "darnell price"
    assert person_key("Price") is None
    assert person_key("Monday Price") is None


def test_find_persons_reads_ages_and_skips_officials_and_bylines():
    text = ("By Karen Holt\nA 19-year-old Marcus Lee was shot on Pine Street. "
            "Tanya Brooks, 34, was arrested. Sheriff Dale Wu said the case is open.")
    assert find_persons(text) == ("marcus lee", "tanya brooks")
    assert find_persons(text, [(3, 13), (140, 147)]) == ("marcus lee", "tanya brooks")


def test_shared_name_links_a_follow_up_report_geocoded_elsewhere():
    first = _m("m1", "d1", ELM, date(2016, 3, 5), ["marcus lee", "tanya brooks"])
    later = _m("m2", "d2", ELM_WRONG, date(2016, 4, 20), ["tanya brooks"])
    (cluster,) = link_mentions([first, later])
    assert "same people named (Tanya Brooks)" in " ".join(cluster.reasons)


def test_without_a_shared_name_the_same_pair_stays_apart():
    first = _m("m1", "d1", ELM, date(2016, 3, 5), ["marcus lee"])
    later = _m("m2", "d2", ELM_WRONG, date(2016, 4, 20), ["ruth diaz"])
    assert len(link_mentions([first, later])) == 2


def test_a_name_in_many_reports_is_a_public_figure_and_ignored():
    far = Place("Stonebridge", admin1="Texas", country="United States", country_code="US", lat=30.0, lon=-97.0, geonameid=2)
    many = [_m(f"m{i}", f"d{i}", ELM, date(2016, 3, 5), ["ann mayor"]) for i in range(16)]
    other = _m("x1", "dx", far, date(2016, 3, 5), ["ann mayor"])
    clusters = link_mentions(many + [other])
    assert any(c.mention_ids == ("x1",) for c in clusters)
