"""A country's possessive and the name after it read as one place phrase ("Syrias Afrin"),
wherever the phrase is found whole; a report's province is offered only for a country the
report names itself when asked so."""

from deathtoll.geo.gazetteer import get_gazetteer


def test_possessive_phrase_is_a_place() -> None:
    gaz = get_gazetteer()
    assert gaz.is_place("Syrias Afrin")
    assert gaz.is_place("Syria's Hama")
    assert not gaz.is_place("Syrias Ministry")


def test_whole_possessive_phrase_is_placed_in_the_country() -> None:
    gaz = get_gazetteer()
    assert gaz.in_country_possessive("Blast in Syrias Hama kills five", "Syrias Hama")
    assert gaz.in_country_possessive("Blast in Syrias Hama kills five", "Hama")
    assert not gaz.in_country_possessive("Blast in Hama kills five", "Hama")


def test_document_province_for_a_named_country_only() -> None:
    gaz = get_gazetteer()
    text = "Shelling in Hama province went on; rescuers in Hama province counted the dead."
    assert gaz.document_admin1(text, "SY") is not None
    assert gaz.document_admin1(text, "SY", named=True) is None
    assert gaz.document_admin1(text + " Syria said nothing.", "SY", named=True) is not None


def test_transliterated_prefix_name_is_a_place() -> None:
    gaz = get_gazetteer()
    assert gaz.is_place("Tel Hamis")  # GeoNames writes "Tall Hamis"
    assert not gaz.is_place("Tel Avivstreet")


def test_bare_prefix_grows_its_lowercase_tail() -> None:
    from deathtoll.model import TextSpan
    text = "Fighting broke out in the border town of Ras al-Ain on Friday."
    i = text.index("Ras")
    place = get_gazetteer().resolve_place([TextSpan(i, i + 3, "Ras")], text=text, country_hint="SY")
    assert place is not None and place.admin1 == "Hasakah"


def test_document_province_from_its_towns() -> None:
    gaz = get_gazetteer()
    text = "Strikes went on in northern Syria. Residents of Manbij fled; Manbij has been shelled for days."
    place = gaz.document_admin1(text, "SY")
    assert place is not None and place.admin1 == "Aleppo"
