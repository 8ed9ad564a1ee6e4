"""Document priors and the curated/county entries: the report's country and state decide
between homonyms, counties resolve to their state, surnames are not places."""

from __future__ import annotations

from deathtoll.geo import parse_candidate


def test_county_suffix_is_kept_as_county_not_stripped():
    p = parse_candidate("Harris County")
    assert p.core == "Harris" and p.county == "County" and not p.want_admin


def test_region_cues_mark_the_province_around_a_town():
    assert parse_candidate("the Idlib countryside").region
    assert parse_candidate("rural Hama").region
    assert parse_candidate("rural Hama").whole == "rural Hama"
    assert not parse_candidate("near Hama").region


def test_us_county_resolves_inside_the_state_the_text_names(resolve):
    p = resolve(["Bartow County"], text="Deputies in Bartow County, Georgia, found the car.")
    assert p.name == "Bartow County" and p.admin1 == "Georgia" and p.precision == 3


def test_county_follows_the_state_prior(resolve):
    p = resolve(["Cook County"], text="Shots were fired on a porch in Illinois. Illinois officials said.")
    assert p.admin1 == "Illinois" and p.country_code == "US"


def test_small_homonym_in_another_state_gives_way_to_the_reported_state(resolve):
    text = "A hunter was shot near a cabin in northern Wisconsin. Wisconsin wardens said the Rusk deputy arrived."
    p = resolve(["Rusk"], text=text, country_hint="US")
    assert p.admin1 == "Wisconsin" and p.precision == 4


def test_city_named_with_its_state_wins_over_a_foreign_homonym(resolve):
    p = resolve(["Toledo"], text="Two men were hurt outside a bar in Toledo, Ohio, police said.")
    assert p.country_code == "US" and p.admin1 == "Ohio"


def test_surname_of_a_named_person_is_not_a_place(resolve):
    text = "Detective Laura Anderson said the suspect fled. Anderson added that no one else was hurt."
    assert resolve(["Anderson"], text=text, country_hint="US") is None


def test_two_letter_acronyms_match_no_town(resolve):
    assert resolve(["UN"], text="A convoy was hit in Syria.", country_hint="SY") is None


def test_small_foreign_town_is_not_taken_in_a_report_about_another_country(resolve):
    # a capitalised verb that happens to name an English village is no answer in a Syria report
    assert resolve(["Send"], text="Shelling hit a market in Syria.", country_hint="SY") is None


def test_syria_report_keeps_damascus_in_syria(resolve):
    p = resolve(["Damascus"], text="Rockets fell on Damascus, the Syrian capital.", country_hint="SY")
    assert p.country_code == "SY"


def test_curated_war_districts_resolve_to_their_governorate(resolve):
    text = "Syria: shelling continued across the country."
    assert resolve(["Eastern Ghouta"], text=text, country_hint="SY").admin1 == "Rif Dimashq"
    assert resolve(["Ghouta"], text=text, country_hint="SY").admin1 == "Rif Dimashq"
    assert resolve(["Sheikh Maqsoud"], text=text, country_hint="SY").admin1 == "Aleppo"
    assert resolve(["Jobar"], text=text, country_hint="SY").admin1 == "Damascus"
    assert resolve(["Salah al-Din"], text=text, country_hint="SY").admin1 == "Aleppo"


def test_countryside_is_the_province(resolve):
    p = resolve(["Hama countryside"], text="Syria", country_hint="SY")
    assert p.admin1 == "Hama" and p.precision == 4
    p = resolve(["Rural Damascus"], text="Syria", country_hint="SY")
    assert p.admin1 == "Rif Dimashq" and p.precision == 4
