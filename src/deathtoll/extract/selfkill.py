"""The shooter who also died: "killed her son and then herself", "two boys are dead along
with their father".

Murder-suicide reports count the victims as the shooter's objects and tell the shooter's
own death apart, in the same sentence. Casualty counts (the Gun Violence Archive's among
them) include a shooter who dies, so the fatal count of that sentence is one more than
its victims. Patterns live in ``resources/shot_outcomes.json``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import CountClaim
from ..resources import load_json

_REFLEXIVE = re.compile(r"\b(?:himself|herself)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    d = load_json("shot_outcomes.json")
    return (re.compile(d["shooter_also_dead"], re.IGNORECASE), re.compile(d["also_dead_along_with"], re.IGNORECASE),
            re.compile(d["killing_verb_before"], re.IGNORECASE))


def add_shooter_death(claims: list[CountClaim], sent_text: str, base: int) -> list[CountClaim]:
    """Claims of one sentence (``base``: its offset in the document) with the one fatal
    claim followed by the shooter's own death raised by one. Only when the sentence has
    one fatal claim, its victims are the object of a killing verb before them (for the
    reflexive forms: "a boy shot himself" is one death) and do not already include the
    shooter ("his two sons and himself")."""
    fatal = [c for c in claims if c.kind in ("killed", "executed") and c.value is not None]
    if len(fatal) != 1:
        return claims
    c = fatal[0]
    if _REFLEXIVE.search(c.number_text or ""):
        return claims
    after = sent_text[c.number_end - base:]
    self_kill, along, verb = _patterns()
    if not (along.match(after) or (self_kill.match(after) and verb.search(sent_text[: c.number_start - base]))):
        return claims
    raised = c.replace(
        value=c.value + 1,  # type: ignore[operator]
        low=None if c.low is None else c.low + 1,
        high=None if c.high is None else c.high + 1,
        subgroup=None,  # the shooter is no child: "two boys are dead along with their father" is 3 dead, 2 boys
    )
    return [raised if x is c else x for x in claims]
