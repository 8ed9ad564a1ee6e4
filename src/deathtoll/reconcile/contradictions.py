"""Find credible claims about the same count that cannot both be true (see rules.py)."""

from __future__ import annotations

from typing import Sequence

from ..model import Contradiction, CountClaim
from .rules import claim_ref, interval


def _fmt(lo: float, hi: float) -> str:
    if hi == float("inf"):
        return f"[{lo:g}, open)"
    return f"[{lo:g}, {hi:g}]"


def conflicting(a: CountClaim, b: CountClaim, rel_tol: float, abs_tol: int) -> str | None:
    """Why ``a`` and ``b`` conflict, or None when they are consistent."""
    (alo, ahi), (blo, bhi) = interval(a), interval(b)
    if ahi < blo:
        lower_hi, upper_lo = ahi, blo
    elif bhi < alo:
        lower_hi, upper_lo = bhi, alo
    else:
        return None  # intervals overlap
    if upper_lo - lower_hi <= abs_tol or upper_lo <= lower_hi * (1 + rel_tol):
        return None  # reporting variation
    return (
        f"{claim_ref(a)} {_fmt(alo, ahi)} and {claim_ref(b)} {_fmt(blo, bhi)} do not overlap "
        f"(gap {upper_lo - lower_hi:g}, more than {rel_tol:.0%})"
    )


def find_contradictions(
    group: str, claims: Sequence[CountClaim], rel_tol: float, abs_tol: int
) -> list[Contradiction]:
    """All conflicting pairs among ``claims`` (which all count the same thing)."""
    out: list[Contradiction] = []
    # vague words ("dozens") are impressions, not figures: they contradict nothing
    ordered = sorted((c for c in claims if not c.is_vague), key=claim_ref)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            reason = conflicting(a, b, rel_tol, abs_tol)
            if reason:
                out.append(Contradiction(claim_ref(a), claim_ref(b), group, reason))
    return out
