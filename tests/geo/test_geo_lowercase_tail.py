"""A place name whose last word the text writes in lowercase ("Deir ezzor") still resolves."""

from deathtoll.geo.gazetteer import get_gazetteer
from deathtoll.model import TextSpan


def test_lowercase_tail_completes_the_name() -> None:
    text = "Two strikes hit Deir ezzor late on Monday."
    i = text.index("Deir")
    place = get_gazetteer().resolve_place([TextSpan(i, i + 4, "Deir")], text=text, country_hint="SY")
    assert place is not None and place.admin1 == "Deir ez-Zor"


def test_lowercase_word_that_is_no_name_is_left_alone() -> None:
    text = "Shelling of Aleppo killed four people."
    i = text.index("Aleppo")
    place = get_gazetteer().resolve_place([TextSpan(i, i + 6, "Aleppo")], text=text, country_hint="SY")
    assert place is not None and place.text == "Aleppo"


def test_lowercase_tail_after_a_relation_word() -> None:
    text = "Jets struck positions near Deir ez-Zor on Monday."
    i = text.index("Deir")
    place = get_gazetteer().resolve_place([TextSpan(i, i + 4, "near Deir")], text=text, country_hint="SY")
    assert place is not None and place.admin1 == "Deir ez-Zor" and place.precision == 2
