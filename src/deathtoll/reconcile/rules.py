"""The reconciliation rule ``deathtoll.reconcile.v5``: from count claims to low/best/high.

Inputs are the ``CountClaim`` records of all mentions of one event. Each claim is an
interval ``[low, high]`` (``high=None``: open above, "at least 375" = (375, None),
"more than 160" = (160, None): the stated figure; "around 250" = (225, 275)) plus
``value``, the number as written. Claims are de-duplicated by ``claim_id``; every
remaining claim is kept on the event; which ones set a toll is decided by accounts below.

Groups
  * ``fatalities``: every fatal claim (kind ``killed`` or ``executed``) whatever the
    victim kind, except subgroup-only claims ("11 children");
  * ``civilians`` / ``combatants`` / ``prisoners``: fatal claims of that victim kind
    (a claim with victim kind ``unknown`` takes its mention's victim kind);
  * ``children`` / ``women``: fatal claims about that subgroup only;
  * ``injured``: claims of kind ``injured`` (no subgroup), read after *deaths supersede
    wounds* (new in v4, :mod:`deathtoll.reconcile.supersede`): a report counting fewer
    deaths than the event's fatality best has that difference taken from its wounded.
    ``missing``/``abducted`` are not tolls and are ignored.
  A victims group appears in the result only when claims for it exist.

Credibility
  Every claim except those whose ``claimant_kind`` is ``perpetrator`` is credible.
  Perpetrator claims are kept and reported in the notes, and used only when a group
  has no credible claim at all; that toll is then marked "perpetrator-only".

Accounts (new in v3)
  A report's figures are not all rival estimates of the event's total: "one of the three
  killed" is a subset, "the toll rose to 5" follows an earlier lower toll, a city's weekend
  tally is background. So the claims of a group are first reduced to *accounts*, per
  document origin (the near-duplicate group, ``deathtoll.neardup``: copies of one wire
  story are one document):
  * each *attributed* source (the claim's quote names its claimant: "police said",
    "some reports put it at") is one account; sources are compared by name, case-folded;
  * the document's *own voice* (claims whose quote does not name the claimant, which is
    then the outlet itself) restates the authorities it quotes: it joins the account of
    the quoted official, government or monitor source with the highest figure; with none
    quoted it is an account of its own. Other media a report relays ("some reports") stay
    separate accounts, so "more than 160 ... some reports put it at around 250" is two.
  Each account is its *highest* stated figure (highest point value; ties: higher lower
  bound, then higher upper figure, then the first claim id): a source's own total is never
  smaller than its subsets. The other claims stay on the event with their quotes and are
  counted in the notes, but set nothing.

Per group (after UCDP GED's low/best/high: "low" the most conservative credible
estimate of the event's total, "high" the highest credible one, "best" the most plausible)
  * Only *stated figures* set the toll: vague words ("dozens", "tens", "hundreds") are
    impressions and are used only when a group has nothing else (they are noted).
  * claim lower bound = its ``low``; for an exact claim without ``low``, its ``value``;
    claim upper figure = its ``high``, or for an open-ended claim the larger of
    ``value`` and ``low`` (the highest number the claim actually states);
    claim point value = ``value`` (else the middle of ``[low, high]``, else ``low``).
  * **low**  = the lowest lower bound among the credible accounts (0 if none has one):
    the smallest total any credible source supports.
  * **high** = the highest upper figure among the credible accounts. For an open-ended
    claim ("at least 375") the true number may exceed it; we do not invent a ceiling,
    so high is the largest figure any credible source states. Hence high >= low.
  * **best** = the median of the credible accounts' point values (the mean of the two
    middle values for an even count, rounded half up), clamped to ``[low, high]``:
    a stated central choice that one outlier cannot move much.
    **Named victims only** (new in v5; every account is of people named or referred to one
    by one, qualifier ``named``: "Dana Reyes, 6, was pronounced dead", "the boy", "a
    couple and their baby were found dead"): such an account says *at least these
    people* died, never that no one else did, so accounts naming fewer people do not
    contradict one naming more (a later report names the shooter who died too, the
    victim who died in hospital). best = the largest named account (the smallest total
    every report fits), low stays the smallest. One stated figure anywhere ("two people
    were killed") still sets the toll by the median as above.
  ``Toll.n_claims`` counts the claims the toll rests on (before reduction to accounts).
  Analyst edits act on claims before this rule: an excluded claim is gone, a corrected
  number is a stated figure like any other (to lower a document's account, exclude or
  correct its higher claims).
  Example (Tabqa): AP's "more than 160", the "around 250" AP relays from "some reports",
  the group's "about 200" (perpetrator), SNHR's "at least 375" (repeated; monitor), AP's
  "dozens" -> accounts 160, 250, 375: low 160, high 375, best 250; the perpetrator's 200
  and the vague "dozens" are reported in the notes only.

Subgroups bound the total from below
  Children/women claims are lower bounds on the total: fatalities.low is raised to the
  largest subgroup low (and high/best follow so that low <= best <= high). Subgroup
  lows are *not* summed (the same child may be counted as a child by one report and
  among women-and-children by another). With subgroup claims only, the fatality toll
  is (subgroup low, subgroup low, open): high is None.

Contradictions
  Two credible claims about the same count (same kind family, same victim kind, same
  subgroup) contradict when their intervals do not overlap *and* the gap is larger
  than ordinary reporting variation: the higher interval's lower end exceeds the
  lower interval's upper end by more than 1 and by more than 10% (both from
  ``reconcile_rules.json``). "25" vs "more than 25" ([25, 25] vs [26, open]) is
  consistent; "25" vs "40", or "at most 10" vs "at least 30", is a contradiction.
  Contradictions are reported with both claim ids; they do not change the toll.

Invariant: low <= best <= high whenever they are set (``Toll`` validates it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, Optional, Sequence

from ..model import CountClaim, Toll


@dataclass(frozen=True)
class GroupResult:
    """One group's toll with the notes that explain it."""

    toll: Toll
    notes: tuple[str, ...]
    perpetrator_only: bool = False


def claim_ref(c: CountClaim) -> str:
    """The id a note or contradiction uses for a claim."""
    return c.claim_id or f"{c.doc_id}@{c.number_start}"


def lower_bound(c: CountClaim) -> Optional[int]:
    """The least number the claim asserts."""
    if c.low is not None:
        return c.low
    if c.qualifier == "exact" and c.value is not None:
        return c.value
    return None


def upper_figure(c: CountClaim) -> Optional[int]:
    """The highest number the claim states (its ``high``; for open claims value/low)."""
    if c.high is not None:
        return c.high
    stated = [v for v in (c.value, c.low) if v is not None]
    return max(stated) if stated else None


def point_value(c: CountClaim) -> Optional[float]:
    """The claim's point estimate."""
    if c.value is not None:
        return float(c.value)
    if c.low is not None and c.high is not None:
        return (c.low + c.high) / 2
    if c.low is not None:
        return float(c.low)
    return float(c.high) if c.high is not None else None


def interval(c: CountClaim) -> tuple[float, float]:
    """The claim as a closed interval for overlap tests (open ends are 0 and infinity)."""
    lo = lower_bound(c)
    hi: float = float("inf")
    if c.high is not None:
        hi = c.high
    elif c.low is None and c.qualifier == "exact" and c.value is not None:
        hi = c.value
    return (float(lo) if lo is not None else 0.0, hi)


#: the qualifier of victims counted one by one ("Dana Reyes, 6, was pronounced dead", "the boy")
NAMED = "named"

#: claimant kinds whose figures a reporter relays as the basis of the report's own count
AUTHORITY_KINDS: frozenset[str] = frozenset({"official", "government", "monitor"})


def source_key(c: CountClaim) -> str:
    """Who states the claim: the named claimant (case-folded, spaces collapsed), else its kind."""
    return " ".join((c.claimant or "").split()).casefold() or c.claimant_kind


def is_attributed(c: CountClaim) -> bool:
    """True when the claim's quote names its claimant ("police said", "some reports put");
    otherwise the figure is the document's own voice (its outlet as the default claimant)."""
    name = " ".join((c.claimant or "").split()).casefold()
    return bool(name) and name in " ".join(c.quote.split()).casefold()


def _account_rank(c: CountClaim) -> tuple[float, float, float]:
    pv, lo, hi = point_value(c), lower_bound(c), upper_figure(c)
    return (pv if pv is not None else -1.0, lo if lo is not None else -1.0, hi if hi is not None else -1.0)


def _top(cs: Sequence[CountClaim]) -> CountClaim:
    top = cs[0]
    for c in cs[1:]:
        if _account_rank(c) > _account_rank(top):
            top = c
    return top


def accounts(claims: Sequence[CountClaim], origin: Callable[[str], str]) -> list[CountClaim]:
    """One claim per account (see the module docstring): per document origin, one account
    per attributed source and one for the document's own voice, which joins the account
    of the highest-figure authority source the document quotes, if any. Each account is
    its highest claim (point value; ties: lower bound, upper figure, first claim id).
    """
    docs: dict[str, dict[str, list[CountClaim]]] = {}
    for c in sorted(claims, key=claim_ref):
        key = source_key(c) if is_attributed(c) else ""
        docs.setdefault(origin(c.doc_id), {}).setdefault(key, []).append(c)
    out: list[CountClaim] = []
    for by_source in docs.values():
        own = by_source.pop("", [])
        tops = {k: _top(v) for k, v in by_source.items()}
        authority = [k for k, t in tops.items() if t.claimant_kind in AUTHORITY_KINDS]
        if own and authority:
            k = max(authority, key=lambda k: (_account_rank(tops[k]), k))
            tops[k] = _top([tops[k], *own])
        elif own:
            tops[""] = _top(own)
        out.extend(tops.values())
    return sorted(out, key=claim_ref)


def _median(values: Sequence[float]) -> int:
    s = sorted(values)
    n = len(s)
    mid = s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
    return int(mid + 0.5)


def _describe(c: CountClaim) -> str:
    who = c.claimant or c.claimant_kind
    words = c.number_text or (str(c.value) if c.value is not None else "?")
    return f"{claim_ref(c)} ({c.qualifier} {words}; {who})" if c.qualifier != "exact" else f"{claim_ref(c)} ({words}; {who})"


def group_toll(
    group: str,
    claims: Sequence[CountClaim],
    not_credible: frozenset[str],
    origins: Optional[Mapping[str, str]] = None,
) -> GroupResult:
    """Apply the rule to one group's claims (see the module docstring).

    ``origins`` (doc_id -> origin_id of its near-duplicate group) makes copies of one
    wire story count as one document for the median.
    """
    origin = (lambda d: origins.get(d, d)) if origins else (lambda d: d)
    if not claims:
        return GroupResult(Toll(None, None, None, 0), ())
    credible = [c for c in claims if c.claimant_kind not in not_credible]
    others = [c for c in claims if c.claimant_kind in not_credible]
    notes: list[str] = []
    used, perp_only = credible, False
    if not credible:
        used, perp_only = others, True
        notes.append(f"{group}: perpetrator-only: no credible claim; using {', '.join(map(_describe, others))}")
    elif others:
        notes.append(f"{group}: perpetrator claim(s) kept but not used: {', '.join(map(_describe, others))}")

    stated = [c for c in used if not c.is_vague]
    if stated and len(stated) < len(used):
        notes.append(f"{group}: vague words not used for figures: {', '.join(_describe(c) for c in used if c.is_vague)}")
    used = stated or used
    n_used = len(used)
    accts = accounts(used, origin)
    dropped = len(used) - len(accts)
    if dropped:
        notes.append(f"{group}: {dropped} smaller or repeated figure(s) of the same source in the same document "
                     f"not used (subsets, earlier tolls, repeats): one account per source and document")
    used = accts
    lows = [(lower_bound(c), c) for c in used if lower_bound(c) is not None]
    low_c = min(lows, key=lambda t: t[0]) if lows else None  # type: ignore[arg-type,return-value]
    low = low_c[0] if low_c else 0
    highs = [(upper_figure(c), c) for c in used if upper_figure(c) is not None]
    high_c = max(highs, key=lambda t: t[0]) if highs else None  # type: ignore[arg-type,return-value]
    high = max(high_c[0], low) if high_c else None  # type: ignore[type-var]
    points = [p for p in (point_value(c) for c in used) if p is not None]
    named_only = bool(used) and all(c.qualifier == NAMED for c in used)
    best = (int(max(points)) if named_only else _median(points)) if points else low
    best = max(low, best) if high is None else min(max(low, best), high)  # type: ignore[type-var]

    how = "the largest of the named-victim accounts" if named_only else "median of the accounts"
    notes.append(
        f"{group}: low {low}"
        + (f" from {_describe(low_c[1])}" if low_c else "")
        + (f"; high {high} from {_describe(high_c[1])}" if high_c else "; high open")
        + f"; best {best} = {how} {', '.join(f'{p:g}' for p in sorted(points))} clamped to [low, high]"
    )
    if any(c.high is None and c.low is not None for c in used):
        notes.append(f"{group}: open-ended claims ('at least', 'more than'): the true number may exceed high")
    return GroupResult(Toll(low, best, high, n_used), tuple(notes), perp_only)


def apply_subgroup_floor(total: GroupResult, subgroups: dict[str, GroupResult], group: str = "fatalities") -> GroupResult:
    """Raise ``group``'s toll (the fatality total, or the civilians) to the largest subgroup
    low (subgroups are lower bounds)."""
    floors = [(r.toll.low, name) for name, r in subgroups.items() if r.toll.low is not None]
    if not floors:
        return total
    floor, name = max(floors)
    t = total.toll
    if t.low is None:
        note = f"{group}: no total claimed; lower bound {floor} from the {name} count (high open)"
        return GroupResult(Toll(floor, floor, None, 0), total.notes + (note,), total.perpetrator_only)
    if t.low >= floor:
        return total
    high = None if t.high is None else max(t.high, floor)
    best = max(t.best if t.best is not None else floor, floor)
    if high is not None:
        best = min(best, high)
    note = f"{group}: low raised from {t.low} to {floor}: the {name} count alone is a lower bound on the total"
    return GroupResult(Toll(floor, best, high, t.n_claims), total.notes + (note,), total.perpetrator_only)
