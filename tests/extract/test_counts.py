"""find_counts: count phrases, their intervals and qualifiers; what is not a count. Sentences are our own."""

from __future__ import annotations

import timeit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deathtoll.extract.counts import CountPhrase, find_counts


def only(sentence: str) -> CountPhrase:
    found = find_counts(sentence)
    assert len(found) == 1, found
    return found[0]


def head_word(sentence: str, c: CountPhrase) -> str | None:
    return sentence[c.head_start:].split()[0].strip(".,;") if c.head_start >= 0 else None


# sentence, phrase text, low, high, value, qualifier
CASES = [
    ("Monitors said at least 375 captured soldiers were shot.", "at least 375", 375, None, 375, "at least"),
    ("No fewer than 40 villagers died.", "No fewer than 40", 40, None, 40, "at least"),
    ("Not less than 12 guards were hit.", "Not less than 12", 12, None, 12, "at least"),
    ("A minimum of 9 bodies were recovered.", "A minimum of 9", 9, None, 9, "at least"),
    ("The blast killed more than 160 people.", "more than 160", 160, None, 160, "more than"),
    ("Over 200 shells fell on the town.", "Over 200", 200, None, 200, "more than"),
    ("Upwards of 50 men were taken away.", "Upwards of 50", 50, None, 50, "more than"),
    ("In excess of 1,000 homes burned.", "In excess of 1,000", 1000, None, 1000, "more than"),
    ("Some 700 members were executed.", "Some 700", 630, 770, 700, "around"),
    ("About 250 people fled.", "About 250", 225, 275, 250, "around"),
    ("Around 30 were hurt.", "Around 30", 27, 33, 30, "around"),
    ("Approximately 1,000 troops advanced.", "Approximately 1,000", 900, 1100, 1000, "around"),
    ("Roughly 40 bodies lay in the street.", "Roughly 40", 36, 44, 40, "around"),
    ("An estimated 500 civilians were trapped.", "An estimated 500", 450, 550, 500, "around"),
    ("Nearly 300 died in the siege.", "Nearly 300", 270, 299, 299, "nearly"),
    ("Almost 20 people drowned.", "Almost 20", 18, 19, 19, "nearly"),
    ("Close to 90 prisoners escaped.", "Close to 90", 81, 89, 89, "nearly"),
    ("Up to 50 people may have died.", "Up to 50", None, 50, 50, "up to"),
    ("As many as 80 fighters were killed.", "As many as 80", None, 80, 80, "up to"),
    ("At most 5 guards were on duty.", "At most 5", None, 5, 5, "at most"),
    ("No more than 5 men took part.", "No more than 5", None, 5, 5, "at most"),
    ("Fewer than 10 civilians survived.", "Fewer than 10", None, 9, 9, "fewer than"),
    ("Less than 100 residents remain.", "Less than 100", None, 99, 99, "fewer than"),
    ("The 160-plus victims were buried.", "160-plus", 160, None, 160, "at least"),
    ("Reports put the dead at 160+ after the raid.", "160+", 160, None, 160, "at least"),
    ("Officials counted 20 or more bodies.", "20 or more", 20, None, 20, "at least"),
    ("They shot 375 at minimum.", "375 at minimum", 375, None, 375, "at least"),
    ("Gunmen executed 40 prisoners at least.", "40 prisoners at least", 40, None, 40, "at least"),
    ("Between 20 and 30 villagers died.", "Between 20 and 30", 20, 30, 20, "between"),
    ("Rebels killed 20 to 30 soldiers.", "20 to 30", 20, 30, 20, "between"),
    ("Some 30-40 bodies were found.", "30-40", 30, 40, 30, "between"),
    ("An attack killed 12\u201315 people.", "12\u201315", 12, 15, 12, "between"),
    ("From 20 to 30 people were wounded.", "From 20 to 30", 20, 30, 20, "between"),
    ("Two or three men were killed.", "Two or three", 2, 3, 2, "between"),
    ("Between five and ten guards fled.", "Between five and ten", 5, 10, 5, "between"),
    ("The toll rose to 19.", "19", 19, 19, 19, "exact"),
    ("They killed 25 civilians.", "25", 25, 25, 25, "exact"),
    ("Twelve were killed overnight.", "Twelve", 12, 12, 12, "exact"),
    ("Three hundred and seventy-five people were shot.", "Three hundred and seventy-five", 375, 375, 375, "exact"),
    ("A hundred and fifty soldiers surrendered.", "A hundred and fifty", 150, 150, 150, "exact"),
    ("Twenty-five men were led away.", "Twenty-five", 25, 25, 25, "exact"),
    ("Shelling killed a couple of shepherds.", "a couple of", 2, 2, 2, "exact"),
    ("A dozen fighters were captured.", "A dozen", 10, 14, 12, "around"),
    ("Two dozen bodies were found.", "Two dozen", 21, 27, 24, "around"),
    ("Half a dozen men were arrested.", "Half a dozen", 5, 7, 6, "around"),
    ("More than a dozen soldiers died.", "More than a dozen", 12, None, 12, "more than"),
    ("Over a hundred people were wounded.", "Over a hundred", 100, None, 100, "more than"),
    ("The siege trapped 18,000 residents.", "18,000", 18000, 18000, 18000, "exact"),
    ("It sheltered about 18,000 of them.", "about 18,000", 16200, 19800, 18000, "around"),
    ("Some 1.2 million people fled.", "Some 1.2 million", 1080000, 1320000, 1200000, "around"),
    ("Some 2.5m were displaced.", "Some 2.5m", 2250000, 2750000, 2500000, "around"),
    ("Around 300 000 left the city.", "Around 300 000", 270000, 330000, 300000, "around"),
    ("In 2000, 2000 people were killed.", "2000", 2000, 2000, 2000, "exact"),
    ("Airstrikes killed 1500 people.", "1500", 1500, 1500, 1500, "exact"),
]


@pytest.mark.parametrize(("sentence", "text", "low", "high", "value", "qualifier"), CASES)
def test_count_phrase(sentence: str, text: str, low: int | None, high: int | None, value: int, qualifier: str) -> None:
    c = only(sentence)
    assert (c.text, c.low, c.high, c.value, c.qualifier) == (text, low, high, value, qualifier)
    assert sentence[c.start:c.end] == c.text
    assert not c.vague


@pytest.mark.parametrize(
    ("sentence", "number"),
    [("The blast killed more than 160 people.", 160), ("Nearly 300 died in the siege.", 300),
     ("Fewer than 10 civilians survived.", 10), ("Between 20 and 30 villagers died.", 20)],
)
def test_number_keeps_the_figure_as_written(sentence: str, number: int) -> None:
    assert only(sentence).number == number


# sentence, text, low, high, value, qualifier
VAGUE = [
    ("Dozens of fighters were killed.", "Dozens", 24, 99, 36, "dozens"),
    ("Shelling killed dozens.", "dozens", 24, 99, 36, "dozens"),
    ("Tens of civilians were killed.", "Tens", 20, 99, 30, "tens"),
    ("Scores of people were buried.", "Scores", 40, 199, 60, "scores"),
    ("Hundreds were killed in the raid.", "Hundreds", 200, 999, 300, "hundreds"),
    ("Thousands of families fled.", "Thousands", 2000, 9999, 3000, "thousands"),
    ("Tens of thousands of civilians fled.", "Tens of thousands", 20000, 99999, 30000, "tens of thousands"),
    ("Hundreds of thousands were displaced.", "Hundreds of thousands", 200000, 999999, 300000, "hundreds of thousands"),
    ("Several hundred men were detained.", "Several hundred", 300, 999, 500, "several hundred"),
    ("Several guards were wounded.", "Several", 3, 9, 5, "several"),
    ("A few residents saw the attack.", "A few", 2, 5, 3, "a few"),
    ("A few dozen soldiers deserted.", "A few dozen", 24, 71, 36, "a few dozen"),
    ("A handful of guards survived.", "A handful", 3, 7, 4, "a handful"),
    ("Many people were killed.", "Many", 3, None, 10, "many"),
    ("At least dozens died.", "At least dozens", 24, None, 36, "dozens"),
    ("Up to hundreds may be buried there.", "Up to hundreds", None, 999, 300, "hundreds"),
]


@pytest.mark.parametrize(("sentence", "text", "low", "high", "value", "qualifier"), VAGUE)
def test_vague_quantity(sentence: str, text: str, low: int | None, high: int | None, value: int, qualifier: str) -> None:
    c = only(sentence)
    assert (c.text, c.low, c.high, c.value, c.qualifier, c.vague) == (text, low, high, value, qualifier, True)
    assert c.number is None


def test_acled_convention_reads_vague_words_as_points() -> None:
    c = find_counts("Dozens of fighters were killed.", convention="acled")[0]
    assert (c.low, c.high, c.value) == (12, 12, 12)
    c = find_counts("Hundreds were killed.", convention="acled")[0]
    assert (c.low, c.high, c.value) == (100, 100, 100)


@pytest.mark.parametrize(
    "sentence",
    ["The scores were level at half time.", "They counted in tens.", "How many died is unclear.",
     "So many questions remain.", "Too many guards were asleep."],
)
def test_vague_words_that_are_not_quantities(sentence: str) -> None:
    assert find_counts(sentence) == []


# sentence, text, value, qualifier, head
PERSONS = [
    ("A man was killed at the checkpoint.", "A man", 1, "exact", "man"),
    ("Police said a young woman died.", "a young woman", 1, "exact", "woman"),
    ("Snipers shot an 82-year-old man.", "an 82-year-old man", 1, "exact", "man"),
    ("A police officer was wounded.", "A police officer", 1, "exact", "officer"),
    ("One person died in hospital.", "One", 1, "exact", "person"),
    ("No one was hurt.", "No one", 0, "none", None),
    ("Nobody survived the crash.", "Nobody", 0, "none", None),
    ("None of the hostages was harmed.", "None", 0, "none", None),
    ("There were no casualties.", "no", 0, "none", "casualties"),
]


@pytest.mark.parametrize(("sentence", "text", "value", "qualifier", "head"), PERSONS)
def test_people_and_zero(sentence: str, text: str, value: int, qualifier: str, head: str | None) -> None:
    c = only(sentence)
    assert (c.text, c.value, c.low, c.high, c.qualifier) == (text, value, value, value, qualifier)
    assert head_word(sentence, c) == head


@pytest.mark.parametrize(
    "sentence",
    ["A car bomb exploded.", "A group of men arrived.", "The man was killed.", "Men were killed.",
     "A day later the army left."],
)
def test_no_indefinite_person(sentence: str) -> None:
    assert find_counts(sentence) == []


def test_several_counts_in_one_sentence() -> None:
    s = "The attack killed 3 people and injured 12, including 11 children, and the toll rose to 19."
    found = find_counts(s)
    assert [c.value for c in found] == [3, 12, 11, 19]
    assert [head_word(s, c) for c in found] == ["people", None, "children", None]
    for c in found:
        assert s[c.start:c.end] == c.text


def test_toll_update_is_two_counts_not_a_range() -> None:
    s = "The death toll rose from 12 to 19 overnight."
    assert [(c.text, c.qualifier) for c in find_counts(s)] == [("12", "exact"), ("19", "exact")]


def test_head_start_points_at_the_noun_phrase() -> None:
    s = "Monitors said at least 375 captured soldiers were shot."
    c = only(s)
    assert s[c.head_start:].startswith("captured soldiers")
    s = "Dozens of the fighters fled."
    assert s[only(s).head_start:].startswith("fighters")
    assert only("They killed 20, officials said.").head_start == -1


NOT_COUNTS = [
    "The campaign began in 2014.",
    "Fighting has raged since 2011.",
    "The 2011-2012 offensive failed.",
    "Between 2011 and 2014 the town changed hands.",
    "The attack happened on 28 August.",
    "The attack happened on August 28.",
    "It was filmed on 23.10.2017.",
    "The blast came at 23:38 local time.",
    "An 82-year-old was found.",
    "Boys aged 12 were recruited.",
    "Boys between the ages of 12 and 13 were taken.",
    "Children aged between 12 and 15 were freed.",
    "She was 30 years old.",
    "Prices rose 10 percent.",
    "Unemployment is at 40%.",
    "The $5 million fund was frozen.",
    "Fighters were paid 200 dollars a month.",
    "The city dates to 1,750 BC.",
    "It was the third attack.",
    "She came 16th in the race.",
    "It happened in the 1990s.",
    "Over a 20 day period nothing happened.",
    "The siege lasted 48 hours.",
    "Talks took three weeks.",
    "A ten-minute clip circulated.",
    "He spent eight months in jail.",
    "Resolution 2254 was adopted.",
    "They drove along Route 66.",
    "The G20 met in Rome.",
    "A Su-24 jet crashed.",
    "COVID-19 spread in the camp.",
    "Call +963 11 234 5678 for help.",
    "The wall is 2,000 metres long.",
    "The town lies 5 km away.",
    "The convoy was 5km long.",
    "Article 5 applies.",
    "The hostages were released one by one.",
    "They blamed one another.",
    "One-third of the town was destroyed.",
    "It was the twenty-first day of fighting.",
]


@pytest.mark.parametrize("sentence", NOT_COUNTS)
def test_not_a_count(sentence: str) -> None:
    assert find_counts(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [("The siege lasted 48 hours.", 48, "hour"), ("Prices rose 10 percent.", 10, "percent"),
     ("Unemployment is at 40%.", 40, "percent"), ("The $5 million fund was frozen.", 5000000, "money"),
     ("The wall is 2,000 metres long.", 2000, "metre"), ("Talks took three weeks.", 3, "week"),
     ("The convoy was 5km long.", 5, "km")],
)
def test_units_returned_on_request(sentence: str, value: int, unit: str) -> None:
    c = only_units(sentence)
    assert (c.value, c.unit) == (value, unit)


def only_units(sentence: str) -> CountPhrase:
    found = find_counts(sentence, include_units=True)
    assert len(found) == 1, found
    return found[0]


def test_counts_around_excluded_numbers_survive() -> None:
    s = "On 28 August 2014, in 48 hours, gunmen killed 160 people in Raqqa."
    assert [c.text for c in find_counts(s)] == ["160"]


def test_year_with_count_noun_and_month_dates() -> None:
    s = "Killed 25 on 3 May 2015 and 12 on May 5; 5 may die."
    assert [c.value for c in find_counts(s)] == [25, 12, 5]


def test_empty_and_non_string() -> None:
    assert find_counts("") == []
    assert find_counts(None) == []  # type: ignore[arg-type]


def test_result_is_frozen() -> None:
    c = only("They killed 25 civilians.")
    with pytest.raises(AttributeError):
        c.value = 3  # type: ignore[misc]


PIECES = st.sampled_from(
    ["at least ", "more than ", "nearly ", "about ", "up to ", "between ", " and ", " to ", " or ", "-", "\u2013",
     "+", "plus", " or more", "at minimum", "12", "1,500", "2014", "300 000", "2.5m", "1.2 million", "0", "1",
     "twenty-five", "a hundred", "a dozen", "half a dozen", "dozens of ", "tens of thousands", "several hundred",
     "a few", "many", "no one", "none", "a man", "an 82-year-old ", "aged ", "year-old", "May ", "August",
     " BC", "$", "%", " hours", " people", " killed", ", ", ".", " ", "Resolution ", "Su-", "#", "23:38", "\u0130"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=14).map("".join) | st.text(max_size=80))
def test_never_raises_and_invariants_hold(sentence: str) -> None:
    for c in find_counts(sentence, include_units=True):
        assert sentence[c.start:c.end] == c.text
        assert 0 <= c.start < c.end <= len(sentence)
        if c.low is not None and c.high is not None:
            assert c.low <= c.high
        if c.value is not None:
            assert c.low is None or c.low <= c.value
            assert c.high is None or c.value <= c.high
        assert c.head_start == -1 or 0 <= c.head_start < len(sentence)


def test_counts_a_day_of_month_after_a_weekday_closing_a_cut_dateline():
    assert [c.value for c in find_counts("Air raid on the depot kills 11 New toll AFP Monday 23")] == [11]


def test_counts_a_figure_after_a_weekday_before_people_is_kept():
    assert [c.value for c in find_counts("On Monday 23 people died in the raid.")] == [23]
