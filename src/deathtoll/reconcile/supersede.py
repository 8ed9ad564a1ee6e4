"""Deaths supersede wounds: a victim one report counts as wounded and a later one as dead.

News of a shooting often comes in two steps: "a 4-year-old was critically injured" on the
night, "the 4-year-old has died" a day later. Both reports feed one event; counted as they
stand, the event holds one dead *and* one wounded, although only one person was shot.
Deaths are not undone, so a report that counts fewer deaths than the event's reconciled
toll was written before (or without knowing of) the deaths it lacks, and the wounded it
counts include them.

Rule (part of ``deathtoll.reconcile.v5``): for each document origin, its *own deaths* are
the highest point value among its fatal claims (0 when it has none). When the event's
reconciled fatality ``best`` exceeds them by ``d``, each of that document's injured claims
is read as ``d`` fewer wounded (never below 0) before the injured toll is reconciled. A
report that already counts all the event's dead keeps its wounded as stated. The claims
themselves are not changed on the event: only the figures the injured toll rests on.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Optional, Sequence

from ..model import CountClaim
from .rules import point_value


def _less(x: Optional[int], d: int) -> Optional[int]:
    return None if x is None else max(0, x - d)


def own_deaths(fatal: Sequence[CountClaim], origin: Callable[[str], str]) -> dict[str, float]:
    """Per document origin, the highest point value among its fatal claims."""
    out: dict[str, float] = {}
    for c in fatal:
        p = point_value(c)
        if p is not None:
            o = origin(c.doc_id)
            out[o] = max(out.get(o, 0.0), p)
    return out


def supersede_wounds(
    injured: Sequence[CountClaim],
    fatal: Sequence[CountClaim],
    deaths_best: Optional[int],
    origin: Callable[[str], str],
) -> tuple[list[CountClaim], list[str]]:
    """The injured claims as the injured toll should read them, and notes on the changes.

    ``deaths_best`` is the event's reconciled fatality best; ``fatal`` its fatal claims.
    """
    if not deaths_best:
        return list(injured), []
    own = own_deaths(fatal, origin)
    out: list[CountClaim] = []
    changed: list[str] = []
    for c in injured:
        d = int(deaths_best - own.get(origin(c.doc_id), 0.0))
        if d <= 0:
            out.append(c)
            continue
        out.append(replace(c, value=_less(c.value, d), low=_less(c.low, d), high=_less(c.high, d)))
        changed.append(c.claim_id or f"{c.doc_id}@{c.number_start}")
    notes = []
    if changed:
        notes.append(
            f"injured: {len(changed)} claim(s) of reports counting fewer deaths than the event read with "
            f"those deaths taken from their wounded (deaths supersede wounds): {', '.join(changed)}"
        )
    return out, notes
