"""A headline part that spells the report's outlet is no place; added Syrian towns resolve."""

from deathtoll.geo.gazetteer import get_gazetteer


def test_outlet_part_of_headline_is_skipped() -> None:
    gaz = get_gazetteer()
    assert gaz.headline_place("Talks on the ceasefire stall - Daily Sabah", "SY", "dailysabah") is None
    place = gaz.headline_place("Rockets hit Homs - Daily Sabah", "SY", "dailysabah")
    assert place is not None and place.admin1 == "Homs"


def test_towns_news_names_resolve_to_their_governorate() -> None:
    gaz = get_gazetteer()
    assert gaz.headline_place("Army ambush near Adra leaves dozens dead", "SY").admin1 == "Rif Dimashq"
    assert gaz.headline_place("Shelling of Efrin kills three", "SY").admin1 == "Aleppo"
    assert gaz.headline_place("Raid on Kfar Zeita", "SY").admin1 == "Hama"
