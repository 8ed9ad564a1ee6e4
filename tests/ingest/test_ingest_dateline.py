"""Dateline detection and publication-date normalisation."""

from __future__ import annotations

import pytest

from deathtoll.ingest.dateline import find_dateline, is_date_stamp, normalise_published


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Market blast\nSeptember 18, 2021\n\nA bomb went off in the square.", "2021-09-18"),
        ("Agency wire\n28 August 2014\nFighters stormed the base.", "2014-08-28"),
        ("Posted 2014-08-28T10:00 by the desk\nBody text follows here.", "2014-08-28"),
        ("Wed 05 Apr 2017 14.01 BST\nA chemical attack hit the town.", "2017-04-05"),
        ("World news 23:38 23.10.2017 (updated 23:40 23.10.2017)\nBody.", "2017-10-23"),
        ("KABUL, March 3, 2019 (AFP) - Gunmen opened fire on a rally.", "2019-03-03"),
    ],
)
def test_dateline_forms(text: str, iso: str) -> None:
    found = find_dateline(text)
    assert found is not None and found.iso == iso


def test_capture_stamp_loses_to_site_dateline() -> None:
    text = (
        "September 18, 2021, 15:55\n\nTown raid leaves dozens dead\n"
        "Agency/ Staff writerMiddle East23:38 23.10.2017(updated 23:40 23.10.2017) Share\n"
        "A monitoring group said on Monday that fighters killed dozens of people."
    )
    found = find_dateline(text)
    assert found is not None
    assert found.iso == "2017-10-23" and found.strong


def test_wire_dateline_without_year_borrows_nearby_year() -> None:
    text = "MOSCOW, Oct 23 (Reuters) - Officials said.\nFiled 2017-10-24\n"
    assert find_dateline(text).iso == "2017-10-23"
    assert find_dateline("MOSCOW, Oct 23 (Reuters) - Officials said more.") is None


def test_dates_in_body_sentences_are_not_datelines() -> None:
    body = (
        "Fighters attacked the village on 28 August 2014 and killed many people in the early "
        "hours of the morning, residents told reporters by phone."
    )
    assert find_dateline(body) is None
    assert find_dateline("Shelling killed 4 people in the town on 3 May 2016.") is None


def test_dateline_only_near_the_top() -> None:
    text = "Headline\n" + "Filler sentence without any dates at all. " * 12 + "\n28 August 2014\n"
    assert find_dateline(text) is None


def test_invalid_calendar_dates_are_ignored() -> None:
    assert find_dateline("Title\n31.02.2017\nbody") is None


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2015-07", "2015-07"),
        ("2015", "2015"),
        (2015, "2015"),
        ("2017-10-23", "2017-10-23"),
        ("2017-10-23T21:00:00Z", "2017-10-23"),
        ("28 August 2014", "2014-08-28"),
        (None, None),
        ("", None),
        ("sometime", None),
        ("2015-13", None),
    ],
)
def test_normalise_published_keeps_precision(value, expected) -> None:
    assert normalise_published(value) == expected


def test_date_stamp_lines() -> None:
    assert is_date_stamp("September 18, 2021, 15:55")
    assert not is_date_stamp("Raid on 28 August 2014 leaves many dead")
    assert not is_date_stamp("Logo")


@pytest.mark.parametrize(
    "text, iso",
    [
        # a page stamp that ran into the body on one long line
        ("14 March 2016 Gunmen stormed a checkpoint outside the town and killed six guards, officials said.",
         "2016-03-14"),
        ("9 Nov 2015 At least twelve people died when shells hit a crowded bus station in the north.", "2015-11-09"),
        ("March 14 2016 Gunmen stormed a checkpoint outside the town and killed six guards, officials said.",
         "2016-03-14"),
        ("Thu 10 Mar 2016 Gunmen stormed a checkpoint outside the town and killed six guards at dawn.", "2016-03-10"),
        ("Date of publication 2 May 2016 Rockets fell on a market in the old city and killed four shoppers.",
         "2016-05-02"),
        ("Posted on June 3 2014 by the desk. Rockets fell on a market in the old city and killed four people.",
         "2014-06-03"),
        # day-first dates with hyphens, and a stamp whose year lost its space
        ("04-11-2014 Army says 9 fighters killed in an ambush on the road north of the town early in the day.",
         "2014-11-04"),
        ("Last updated at Jan 072015 Rockets fell on a market in the old city and killed four shoppers today.",
         "2015-01-07"),
        # followed by a clock time, or by an agency credit in capitals, mid-line
        ("Town raid leaves dozens dead as fighting spreads Regional News 11 June 2015 1432 GMT Gunmen attacked.",
         "2015-06-11"),
        ("Shells kill 4 in the eastern districts of the old city 11 June 2015 Homs XNA- Shells fell on homes.",
         "2015-06-11"),
        ("Border clashes kill three Staff reporter 0915 12.06.2015 Three border guards died in a clash.",
         "2015-06-12"),
    ],
)
def test_dateline_on_a_long_first_line(text: str, iso: str) -> None:
    found = find_dateline(text)
    assert found is not None and found.iso == iso


def test_a_date_inside_a_long_sentence_is_still_not_a_dateline() -> None:
    text = "Officials said gunmen stormed the checkpoint and killed six guards 14 March 2016 in a raid that lasted hours."
    assert find_dateline(text) is None
    assert find_dateline("Reports say 4-5-2016 was the worst day of the siege for the residents of the old town.") is None
