"""US homonyms: a county name shared by several states is decided by the text's state
evidence only, never by alphabetical order; counties carry no borrowed coordinates; a
foreign homonym needs its country named. Place names are real; the sentences are ours."""

from __future__ import annotations


def test_shared_county_name_follows_the_state_named(resolve):
    p = resolve(["Harris County"], text="A man was shot in Harris County late Friday. Texas deputies said.",
                country_hint="US")
    assert (p.name, p.admin1, p.precision) == ("Harris County", "Texas", 3)


def test_shared_county_name_without_state_evidence_stays_at_country_level(resolve):
    p = resolve(["Floyd County"], text="Deputies in Floyd County found a man shot on a rural road.",
                country_hint="US")
    assert p.country_code == "US" and p.admin1 is None and p.precision == 6


def test_county_has_no_coordinates_of_another_place(gaz):
    places = [p for p in gaz.lookup("Orleans County") if p.precision == 3]
    assert places and all(p.lat is None and p.lon is None for p in places)


def test_state_cue_beats_a_bigger_homonym_city(resolve):
    text = "CLEVELAND, Tenn. - A man was shot at an apartment in Cleveland on Sunday."
    p = resolve(["Cleveland"], text=text, country_hint="US")
    assert p.admin1 == "Tennessee"


def test_big_city_is_no_cue_for_its_state_when_a_homonym_lies_in_a_state_named(gaz):
    ctx = gaz.context("In Cleveland, Tennessee, a man was shot. Cleveland police said. Cleveland again.")
    assert ctx.admin1s.get("US.TN", 0) > ctx.admin1s.get("US.OH", 0)


def test_province_abroad_needs_its_country_named_in_a_us_report(resolve):
    p = resolve(["Culebra"], text="A boy was hurt near Culebra Road, officials in Texas said.", country_hint="US")
    assert p is None or p.country_code == "US"


def test_big_city_name_gives_a_us_hint_over_tiny_words(gaz):
    ctx = gaz.context("No one was hurt. Toledo police said a man was shot in Toledo. No arrests.")
    assert ctx.countries.get("US", 0) >= ctx.countries.get("BZ", 0)
    assert ctx.countries.get("HT", 0) == 0  # "No" is not Haiti's Nord
