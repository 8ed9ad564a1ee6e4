"""Folding, canonical keys and candidate parsing: pure functions, no index needed."""

from __future__ import annotations

import pytest

from deathtoll.geo import canonical_key, fold, parse_candidate


def test_fold_case_diacritics_apostrophes_hyphens():
    assert fold("Ḩimş") == "hims"
    assert fold("Ar-Raqqa") == fold("ar raqqa") == "ar raqqa"
    assert fold("Dar’a") == fold("Dar'a") == "dara"


@pytest.mark.parametrize(
    "variants",
    [
        ["Ar-Raqqa", "Ar Raqqah", "Raqqa", "Raqa", "Al-Raqqa", "Raqqah"],
        ["Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr", "Deir al-Zour", "Deir el-Zor"],
        ["Tadmur", "Tadmor"],
        ["Al-Thawrah", "Ath Thawrah", "Thawra"],
        ["Al-Qaryatayn", "Qaryatain", "El Qaryatein"],
        ["Sheikh Maqsoud", "Shaykh Maqsud"],
        ["Hasakah", "Hasakeh", "Al-Hasaka"],
    ],
)
def test_transliteration_variants_share_a_key(variants):
    keys = {canonical_key(v) for v in variants}
    assert len(keys) == 1, dict(zip(variants, map(canonical_key, variants)))


def test_different_names_keep_different_keys():
    assert canonical_key("Homs") != canonical_key("Al Khums")
    assert canonical_key("Hama") != canonical_key("Homs")


@pytest.mark.parametrize(
    "text, core, near, admin, feature",
    [
        ("near Tabqa", "Tabqa", True, False, None),
        ("the town of Al-Qaryatayn", "Al-Qaryatayn", False, False, "town"),
        ("Raqqa province", "Raqqa", False, True, None),
        ("Aleppo countryside", "Aleppo", True, False, None),
        ("east of Homs", "Homs", True, False, None),
        ("in the village of Kocho", "Kocho", False, False, "village"),
        ("Palmyra", "Palmyra", False, False, None),
    ],
)
def test_parse_candidate(text, core, near, admin, feature):
    p = parse_candidate(text)
    assert (p.core, p.near, p.want_admin, p.feature) == (core, near, admin, feature)


def test_parse_city_state_qualifier():
    p = parse_candidate("Gary, Indiana")
    assert (p.core, p.qualifier) == ("Gary", "Indiana")
