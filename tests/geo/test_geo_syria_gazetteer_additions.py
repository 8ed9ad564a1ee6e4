"""Syrian towns and city quarters whose spelling loosely matched a homonym abroad
(geo_places.tsv, gov-margin additions): in a Syria report they are the Syrian place."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "name, admin1",
    [
        ("Marjeh", "Damascus"),
        ("Ferdows", "Aleppo"),
        ("Minian", "Aleppo"),
        ("Rashidin", "Aleppo"),
        ("Hamadaniyeh", "Aleppo"),
        ("Kafraya", "Idlib"),
        ("Fuaa", "Idlib"),
        ("Al-Rai", "Aleppo"),
        ("Jarez", "Aleppo"),
    ],
)
def test_syrian_name_resolves_in_syria(resolve, name, admin1):
    text = f"Mortar fire on {name} killed three residents on Tuesday, a Syrian monitor said."
    place = resolve([name], text=text, country_hint="SY")
    assert place is not None and place.country_code == "SY" and place.admin1 == admin1, place


def test_syrian_name_without_a_country_hint_is_still_syrian(resolve):
    text = "Three people died when a shell hit Marjeh, the state news agency in Syria reported."
    place = resolve(["Marjeh"], text=text)
    assert place is not None and place.country_code == "SY", place
