"""US state abbreviations after a place name set the state a report is about."""

from __future__ import annotations

from deathtoll.geo.usstates import state_cues


def test_state_cues_read_ap_and_postal_abbreviations():
    text = "OAKVILLE, Kan. - Police said. LITTLE ROCK, AR - A man. Tell City, Ind., officials."
    assert state_cues(text) == {"US.KS": 1, "US.AR": 1, "US.IN": 1}


def test_state_cues_ignore_words_that_only_look_like_codes():
    assert not state_cues("Smith, IN THE MEANTIME, left. On Nov. 3, Jones, 41, died. Mass shooting.")


def test_dateline_state_picks_the_county_of_that_state(resolve):
    where = resolve(["Rusk County"], text="LADYSMITH, Wis. - A hunter died Saturday in Rusk County.")
    assert (where.name, where.admin1) == ("Rusk County", "Wisconsin")
    elsewhere = resolve(["Rusk County"], text="TYLER, Texas - A hunter died Saturday in Rusk County.")
    assert elsewhere.admin1 == "Texas"
