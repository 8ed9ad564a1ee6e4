"""A report written the US way is placed in the US: homonym countries abroad are no cues,
streets are no towns, an AP state abbreviation in a dateline is the state, and a surname
that only loosely spells a town is a name. Place names are real; the sentences are ours."""

from __future__ import annotations

from deathtoll.geo.usstates import is_street, is_us_report, state_abbreviation_at, us_report_cues
from deathtoll.model import TextSpan


def _at(gaz, text: str, name: str, hint=None):
    i = text.index(name)
    return gaz.resolve_place([TextSpan(i, i + len(name), name)], text=text, country_hint=hint)


def test_us_cues_are_counted_once_each():
    text = ("The Sheriff's Office said deputies found the man in the 400 block of Pine. "
            "Call Crime Stoppers at (555) 201-3344. The sheriff's office will hold a briefing.")
    assert us_report_cues(text) == 4  # sheriff, address block, phone, tip line
    assert is_us_report(text)


def test_one_us_cue_is_enough_only_when_no_other_country_is_named():
    text = "A man faces a charge of second-degree murder after the shooting."
    assert not is_us_report(text)
    assert is_us_report(text, names_abroad=False)


def test_war_report_is_no_us_report():
    text = "Air strikes killed 12 civilians in a school in Idlib province, the monitor said on Monday."
    assert us_report_cues(text) == 0


def test_homonym_province_abroad_yields_to_the_us_frame(gaz):
    text = ("Santa Cruz sheriff's deputies shot a man who held a knife, the Sheriff's Office said. "
            "The man was taken to a hospital in Santa Cruz. Call (555) 201-3344 with tips.")
    p = _at(gaz, text, "Santa Cruz")
    assert (p.country_code, p.admin1) == ("US", "California")
    assert gaz.context(text).countries.most_common(1)[0][0] == "US"


def test_without_us_cues_the_homonym_keeps_its_usual_reading(gaz):
    text = "Santa Cruz is the largest city of the eastern lowlands."
    assert "US" not in gaz.context(text).countries


def test_street_after_block_of_or_before_street_word():
    text = "Police went to the 1900 block of Dover. A car crashed near Mississippi Street. He lives in Dover."
    assert is_street(text, text.index("Dover"), text.index("Dover") + 5)
    m = text.index("Mississippi")
    assert is_street(text, m, m + len("Mississippi"))
    last = text.rindex("Dover")
    assert not is_street(text, last, last + 5)
    corner = "Deputies were sent to a house near 21st and Lincoln on Friday."
    assert is_street(corner, corner.index("Lincoln"), corner.index("Lincoln") + 7)


def test_street_is_no_place(gaz):
    text = "Officers found a man shot in the 300 block of Madrid late Monday."
    assert _at(gaz, text, "Madrid") is None


def test_dateline_abbreviation_in_capitals_is_the_state(gaz):
    text = "HOMESTEAD, FLA. (AP) - Two teenagers were wounded at a party on Saturday."
    i = text.index("FLA")
    assert state_abbreviation_at(text, i, i + 3) == "US.FL"
    p = _at(gaz, text, "FLA")
    assert (p.name, p.country_code) == ("Florida", "US")


def test_plain_words_are_no_state_abbreviations():
    text = "Mass shooting suspects, Miss Jones said, fled."
    assert state_abbreviation_at(text, 0, 4) is None
    i = text.index("Miss")
    assert state_abbreviation_at(text, i, i + 4) is None


def test_loosely_spelled_surname_is_a_person(gaz):
    text = "Prosecutors charged Christopher Calloway with murder. Calloway was arrested on Monday."
    assert "calloway" in gaz.context(text).person_names


def test_bare_name_of_a_county_the_report_names_is_the_county(gaz):
    text = "Deputies of the Pasco County Sheriff's Office said a boy was shot. Pasco deputies found him."
    i = text.rindex("Pasco")
    p = gaz.resolve_place([TextSpan(i, i + 5, "Pasco")], text=text, country_hint="US")
    assert (p.name, p.admin1) == ("Pasco County", "Florida")


def test_bare_name_without_its_county_stays_the_town(gaz):
    text = "A man was shot in Pasco on Friday, police said."
    assert _at(gaz, text, "Pasco", hint="US").admin1 == "Washington"


def test_each_us_cue_word_is_in_every_match_of_its_pattern():
    """The word a cue 'needs' (a fast substring test before the regex) must lie in what the
    pattern matches, or a report would lose a cue it holds."""
    from deathtoll.geo.usstates import _report_cues

    samples = ["the Marion County Sheriff's Office said", "the Gary Police Department", "the 1300 block of Elm",
               "call (312) 555-0100", "Crime Stoppers", "the district attorney", "second-degree murder",
               "Indiana State Police", "the medical examiner", "on Interstate 65", "a grand jury",
               "the county jail", "a middle school", "Lincoln High School"]
    cues = _report_cues()[0]
    assert len(cues) == len(samples)
    for (rx, needs), sample in zip(cues, samples):
        m = rx.search(sample)
        assert m is not None, sample
        assert needs in m.group(0).lower(), (needs, sample)
