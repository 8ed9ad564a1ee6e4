"""Gazetteer lookups and place resolution on the full shipped index (offline)."""

from __future__ import annotations

import pytest

from deathtoll.geo import admin1_aliases, get_gazetteer
from deathtoll.model import Place


@pytest.mark.parametrize("name", ["Ar-Raqqa", "Ar Raqqah", "Raqqa", "Raqa", "Al-Raqqa"])
def test_raqqa_variants_resolve_to_raqqa_city(resolve, name):
    p = resolve([name])
    assert (p.name, p.country, p.country_code, p.precision) == ("Ar Raqqah", "Syria", "SY", 1)
    assert p.admin1 == "Raqqa" and p.geonameid == 172955 and p.text == name


@pytest.mark.parametrize("name", ["Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr", "Deir al-Zour"])
def test_deir_ez_zor_variants(resolve, name):
    p = resolve([name])
    assert p.country_code == "SY" and p.admin1 == "Deir ez-Zor" and p.precision == 1


@pytest.mark.parametrize("name", ["Tadmur", "Tadmor", "Palmyra"])
def test_palmyra_in_syria_is_tadmur(resolve, name):
    p = resolve([name], text="Government troops in Syria retook the ancient city.")
    assert (p.name, p.country_code) == ("Tadmur", "SY")


@pytest.mark.parametrize("name", ["At-Tabaqa", "Tabqa", "Al-Thawrah", "Ath Thawrah"])
def test_tabqa_variants(resolve, name):
    p = resolve([name], text="Fighting in Syria.")
    assert p.country_code == "SY" and p.admin1 == "Raqqa" and abs(p.lat - 35.84) < 0.05


def test_homs_in_syrian_context_is_not_al_khums(resolve):
    p = resolve(["Homs"], text="Shelling hit Homs on Monday, a Syrian monitor said.")
    assert (p.name, p.country_code) == ("Homs", "SY")


def test_country_hint_steers_ambiguous_name(resolve):
    assert resolve(["Homs"], country_hint="Libya").country_code == "LY"
    assert resolve(["Homs"], country_hint="SY").country_code == "SY"


def test_sinjar_is_the_iraqi_town(resolve):
    p = resolve(["Sinjar"])
    assert p.country == "Iraq" and p.admin1 == "Nineveh"


def test_admin1_only_gives_precision_4(resolve):
    p = resolve(["Raqqa province"])
    assert (p.name, p.admin1, p.country, p.precision) == ("Raqqa", "Raqqa", "Syria", 4)
    assert p.lat is not None and p.lon is not None  # seat of the governorate


def test_near_gives_precision_2(resolve):
    p = resolve(["near Ar-Raqqa"])
    assert p.name == "Ar Raqqah" and p.precision == 2
    # "X countryside" is the province around X (UCDP precision 4), not a spot near X
    rural = resolve(["Aleppo countryside"])
    assert rural.precision == 4 and rural.admin1 == "Aleppo"
    assert resolve(["east of Homs"], text="Syria").precision == 2


def test_country_only_gives_precision_6(resolve):
    p = resolve(["Syria"])
    assert (p.name, p.country, p.country_code, p.precision, p.admin1) == ("Syria", "Syria", "SY", 6, None)
    assert resolve(["Britain"]).country_code == "GB"
    assert resolve(["United States"]).country == "United States"


def test_city_inside_named_governorate_beats_governorate(resolve):
    p = resolve(["Raqqa province", "Tabqa"])
    assert p.name == "Al-Tabqa" and p.precision == 1


def test_feature_word_is_kept(resolve):
    p = resolve(["the town of Al-Qaryatayn"])
    assert (p.name, p.admin1, p.feature) == ("Al Qaryatayn", "Homs", "town")


@pytest.mark.parametrize("word", ["Deal", "Most", "Of", "Assad", "Islamic", "Islamic State", "Monday"])
def test_stopwords_do_not_resolve(resolve, gaz, word):
    assert resolve([word]) is None
    assert not gaz.is_place(word)


def test_unresolvable_gives_none(resolve):
    assert resolve([]) is None
    assert resolve(["Qwxzyville"]) is None


def test_us_city_state(resolve):
    p = resolve(["Gary, Indiana"])
    assert (p.name, p.admin1, p.country, p.country_code) == ("Gary", "Indiana", "United States", "US")
    assert abs(p.lat - 41.59) < 0.05


def test_state_named_in_text_picks_springfield(resolve):
    il = resolve(["Springfield"], text="Two men were shot in Springfield, Illinois, police said.")
    ma = resolve(["Springfield"], text="A shooting in Springfield, Massachusetts left one dead.")
    assert (il.admin1, ma.admin1) == ("Illinois", "Massachusetts")


@pytest.mark.parametrize(
    "text, name, feature, admin1, country",
    [
        ("Al-Hamrat", "Al-Hamrat", "village", "Raqqa", "SY"),
        ("Tabqa airbase", "Tabqa Airbase", "airbase", "Raqqa", "SY"),
        ("At-Tabaqa military airbase", "Tabqa Airbase", "airbase", "Raqqa", "SY"),
        ("Kocho", "Kocho", "village", "Nineveh", "IQ"),
        ("Athrya checkpoint", "Athrya checkpoint", "checkpoint", "Hama", "SY"),
        ("Palmyra amphitheatre", "Palmyra amphitheatre", "amphitheatre", "Homs", "SY"),
    ],
)
def test_curated_places(resolve, text, name, feature, admin1, country):
    p = resolve([text])
    assert (p.name, p.feature, p.admin1, p.country_code) == (name, feature, admin1, country)


def test_curated_near_place_has_precision_2(resolve):
    p = resolve(["Al-Hamrat"])
    assert p.precision == 2 and abs(p.lat - 35.95) < 0.2


def test_tabqa_airbase_coordinates(resolve):
    p = resolve(["Tabqa airbase"])
    assert (p.lat, p.lon) == (35.7547, 38.5667)


def test_jaba_in_quneitra(resolve):
    p = resolve(["Jaba"], text="Fighting in Quneitra province, Syria.")
    assert (p.country_code, p.admin1) == ("SY", "Quneitra")


def test_lookup_and_is_place(gaz):
    places = gaz.lookup("Homs")
    assert places and all(isinstance(p, Place) for p in places)
    assert places[0].country_code == "SY"
    assert {"SY", "LY"} <= {p.country_code for p in places}
    assert gaz.is_place("Al-Qaryatayn")
    assert gaz.is_place("US") and not gaz.is_place("us")
    assert not gaz.is_place("Free Syrian Army")


def test_admin1_aliases_cover_dataset_spellings(gaz):
    assert {"Raqqa", "Ar Raqqah", "Ar-Raqqa"} <= set(gaz.admin1_aliases("Raqqa"))
    assert "Deir Ezzor" in gaz.admin1_aliases("Deir ez-Zor")
    assert "Damascus Suburbs" in gaz.admin1_aliases("Rif Dimashq")
    assert gaz.admin1_aliases("Nowhere Land") == ()


def test_module_level_shared_instance():
    assert get_gazetteer() is get_gazetteer()
    assert "Indiana" in admin1_aliases("Indiana")
