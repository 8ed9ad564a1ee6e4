"""With the report's country known, homonyms abroad lose to nothing at all: a loose spelling
match ("Urum"), an alternate name ("Western" as a city) or a province abroad the text never
places in its country. Names are real places; the texts are ours."""

from __future__ import annotations

from deathtoll.geo import get_gazetteer
from deathtoll.model import TextSpan

_TEXT = "Syria: US officials said the Syrian convoy was hit near Aleppo. Syria."


def _resolve(name: str, hint: str | None = "SY"):
    return get_gazetteer().resolve_place([TextSpan(0, len(name), name)], text=_TEXT, country_hint=hint)


def test_loose_spelling_abroad_is_no_place_in_a_syria_report():
    p = _resolve("Urum")
    assert p is None or p.country_code == "SY"


def test_province_name_abroad_does_not_win_in_a_syria_report():
    p = _resolve("Western")
    assert p is None or p.country_code == "SY"


def test_city_abroad_named_by_its_own_name_still_resolves():
    p = _resolve("Beirut")
    assert p is not None and p.country_code == "LB"


def test_syrian_place_still_resolves_with_hint():
    p = _resolve("al-Bab")
    assert p is not None and p.admin1 == "Aleppo"
