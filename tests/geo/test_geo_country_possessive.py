"""A country's name in the possessive before a place ("Syria's Idlib", and "Syrias Idlib"
as scraped text that lost its apostrophe writes it) names the place inside that country."""

from __future__ import annotations

import pytest

from deathtoll.geo import get_gazetteer
from deathtoll.model import TextSpan


def _resolve(text: str):
    return get_gazetteer().resolve_place([TextSpan(0, len(text), text)])


@pytest.mark.parametrize("text", ["Syria's Idlib", "Syrias Idlib", "Syria’s Idlib"])
def test_country_possessive_is_dropped(text):
    place = _resolve(text)
    assert place is not None and place.name == "Idlib" and place.country_code == "SY"


def test_country_possessive_keeps_province_wording():
    place = _resolve("Syrias Hama province")
    assert place is not None and place.admin1 == "Hama" and place.precision == 4


def test_possessive_of_a_non_country_is_left_alone():
    gaz = get_gazetteer()
    assert gaz._country_possessive("Smiths Idlib") is None
    assert gaz._country_possessive("Syrias Idlib") == ("Syria", "Idlib")
