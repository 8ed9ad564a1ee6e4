"""deathtoll.reconcile.representative picks type, perpetrator, place and time."""

from __future__ import annotations

from datetime import date

from reconcile_samples import IS, mention, place, span

from deathtoll.model import UNKNOWN_ACTOR, Actor
from deathtoll.reconcile import representative

ARMY = Actor("syrian_government", "Syrian government", "state")


def _mentions():
    return [
        mention("m1", "d1", etype="execution", actor=IS, place=place("Raqqa", 4), when=span(date(2014, 8, 1), "month", date(2014, 8, 31))),
        mention("m2", "d2", etype="massacre", actor=UNKNOWN_ACTOR, place=place("Al-Tabqa", 1, 1), when=span(date(2014, 8, 28))),
        mention("m3", "d3", etype="execution", actor=IS, place=place("Al-Tabqa", 1, 1), when=span(date(2014, 8, 28))),
        mention("m4", "d4", etype="attack", actor=ARMY, place=None, when=span(date(2014, 8, 27))),
    ]


def test_representative_choices():
    r = representative(_mentions())
    assert r.event_type == "execution"  # most attested specific type
    assert r.perpetrator.actor_id == "islamic_state"  # most attested named actor
    assert r.place.name == "Al-Tabqa" and r.place.precision == 1  # most precise place
    assert r.time.start == date(2014, 8, 28)  # most precise, then most frequent date


def test_representative_order_independent_and_unknowns():
    ms = _mentions()
    assert representative(ms) == representative(list(reversed(ms)))
    r = representative([mention("m1", "d1", etype="attack")])
    assert r.event_type == "attack" and r.perpetrator == UNKNOWN_ACTOR and r.place is None and r.time is None
