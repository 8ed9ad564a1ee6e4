"""FA-KES benchmark: per article, does deathtoll get the article's main incident right?

Usage (repo root, venv python)::

    python -m bench.fakes [--limit N] [--data DIR] [--db FILE]

Input: ``<data>/fakes-dev.jsonl`` (id, source, title, text, gold{date, governorate,
actor, cause, civilians, noncivilians, children, women}). deathtoll gets only id,
text, title and source: the articles carry no date field, so ``published`` is left
out and deathtoll's ingest finds the dateline itself. Gold labels are never fed.

Scoring, per gold row (an article; a few articles carry several gold rows):

* the article's mentions are grouped by the event they feed (``event_id``); the
  *main event* is the group with the highest fatality ``best`` of any of its
  mentions (ties: more mentions, then earlier in the text; ``--main first`` picks
  the event of the first mention reporting a death instead). For an article with
  several gold rows, groups whose governorate matches the row's are preferred;
* "article" figures: per victim group, the largest ``best`` among the article's
  mentions of the main event (absent = 0); non-civilians = combatants + prisoners;
  type, perpetrator, place and date from the mention with the most deaths, falling
  back to the other mentions of the group for a missing place/date/perpetrator;
* "ledger" figures: the same fields from the exported event record (reconciled
  over every document the event has, so other articles can change them);
* baseline: zeros for the counts, the dev set's majority class for the labels.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Optional

from bench import mapping
from deathtoll.model import PRECISE_QUALIFIERS
from bench.metrics import accuracy, date_within
from bench.runner import (
    LedgerOutput,
    arg_parser,
    best,
    norm_text,
    print_table,
    read_jsonl,
    run_deathtoll,
    skip,
    write_jsonl,
    zero,
)

NAME = "fakes"
COUNT_FIELDS = ("civilians", "noncivilians", "children", "women")
LABEL_FIELDS = ("governorate", "actor", "cause")
TARGETS = {"civilians": 0.80, "noncivilians": 0.80, "governorate": 0.90, "cause": 0.80, "actor": 0.75}


def parse_gold_date(text: Optional[str]) -> Optional[date]:
    """FA-KES dates are ``m/d/yy``."""
    try:
        m, d, y = (int(x) for x in (text or "").split("/"))
        return date(2000 + y if y < 100 else y, m, d)
    except ValueError:
        return None


def _iso(value: Optional[str]) -> Optional[date]:
    return date.fromisoformat(value) if value else None


def _victim(rec: Mapping[str, Any], group: str) -> Optional[int]:
    return best(rec.get("victims", {}).get(group))


def figures(rec: Mapping[str, Any]) -> dict[str, int]:
    """Counts of one mention or event record, absent = 0."""
    civ, com, pri = (zero(_victim(rec, g)) for g in ("civilians", "combatants", "prisoners"))
    fat = zero(best(rec.get("fatalities")))
    return {
        "civilians": civ,
        "noncivilians": com + pri,
        "children": zero(_victim(rec, "children")),
        "women": zero(_victim(rec, "women")),
        "fatalities": fat,
        # FA-KES annotators count unspecified "people" as civilians: what that reading would give
        "civilians_lenient": max(civ, fat - com - pri),
    }


def _labels(place: Mapping[str, Any] | None, actor_id: Optional[str], event_type: Optional[str],
            when: Mapping[str, Any] | None) -> dict[str, Any]:
    place = place or {}
    when = when or {}
    return {
        "governorate": mapping.governorate(place.get("admin1"), place.get("name")),
        "actor": mapping.actor(actor_id),
        "cause": mapping.cause(event_type),
        "date_start": _iso(when.get("start")),
        "date_end": _iso(when.get("end")),
        "place": ", ".join(x for x in (place.get("name"), place.get("admin1"), place.get("country")) if x) or None,
        "perpetrator": actor_id,
        "event_type": event_type,
    }


def _only_vague(rec: Mapping[str, Any]) -> bool:
    """Does a mention give its dead only in vague words ("scores of", "dozens")?"""
    dead = [c for c in rec.get("claims", ()) if c["kind"] in ("killed", "executed")]
    return bool(dead) and all(c["qualifier"] not in PRECISE_QUALIFIERS for c in dead)


def article_prediction(group: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Prediction from the article's own mentions of one event: each figure is the largest
    the mentions give. As in the reconciliation rule, stated figures come first: a mention
    that gives its dead only in vague words ("scores of people", read 60) sets the figures
    only when no mention of the event in the article states a number ("at least 51"). The
    lead mention (type, quote) is the one with the largest death figure, vague or not: a
    "massacre" told in vague words names the kind of attack as well as a stated toll does
    (choosing it among stated figures only: cause 1 row right, 2 wrong)."""
    stated = [m for m in group if not _only_vague(m)]
    counted = stated if any(zero(best(m["fatalities"])) for m in stated) else group
    figs = [figures(m) for m in counted]
    out = {k: max(f[k] for f in figs) for k in figs[0]}
    lead = max(group, key=lambda m: (zero(best(m["fatalities"])), -(m.get("start") or 0)))
    others = [lead, *[m for m in group if m is not lead]]
    place = next((m["place"] for m in others if mapping.governorate(m["place"]["admin1"], m["place"]["name"])),
                 lead["place"])
    when = next((m["date"] for m in others if m["date"]["start"]), lead["date"])
    actor_id = next((m["perpetrator"]["id"] for m in others if m["perpetrator"]["id"] != "unknown"),
                    lead["perpetrator"]["id"])
    out.update(_labels(place, actor_id, lead["event_type"], when))
    out["quote"] = lead.get("quote")
    out["mention_id"] = lead["mention_id"]
    return out


def event_prediction(event: Mapping[str, Any]) -> dict[str, Any]:
    """Prediction from the ledger's event record."""
    out: dict[str, Any] = figures(event)
    out.update(_labels(event["place"], event["perpetrator"]["id"], event["event_type"], event["date"]))
    out["n_documents"] = event.get("n_documents")
    return out


def groups_of(mentions: Sequence[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    """An article's mentions by the event they feed (a mention without event is its own group)."""
    groups: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for m in mentions:
        groups[m.get("event_id") or m["mention_id"]].append(m)
    return groups


def main_event(groups: Mapping[str, Sequence[Mapping[str, Any]]], prefer_governorate: Optional[str] = None,
               rule: str = "deaths") -> Optional[str]:
    """The event id of the article's main incident (see the module docstring).

    ``rule="first"`` picks instead the event of the first mention in the text that
    reports a death (news leads tell the main incident first): a diagnostic for how
    much background tolls ("thousands killed since 2011") cost.
    """
    def key(item: tuple[str, Sequence[Mapping[str, Any]]]) -> tuple:
        eid, ms = item
        gov_ok = prefer_governorate is not None and any(
            mapping.governorate(m["place"]["admin1"], m["place"]["name"]) == prefer_governorate for m in ms)
        most = max(zero(best(m["fatalities"])) for m in ms)
        first = -min((m.get("start") or 0) for m in ms if zero(best(m["fatalities"])) > 0) if most else -10**9
        if rule == "first":
            return (gov_ok, most > 0, first, most)
        return (gov_ok, most, len(ms), -min(m.get("start") or 0 for m in ms))

    return max(groups.items(), key=key)[0] if groups else None


def _empty_prediction() -> dict[str, Any]:
    out: dict[str, Any] = {k: 0 for k in (*COUNT_FIELDS, "fatalities", "civilians_lenient")}
    out.update(_labels(None, None, None, None))
    return out


def score_rows(rows: Sequence[Mapping[str, Any]], ledger: LedgerOutput, rule: str = "deaths") -> list[dict[str, Any]]:
    """One scored record per gold row: gold, article and ledger predictions, what is wrong."""
    by_doc = ledger.mentions_by_doc()
    events = ledger.events_by_id()
    stored_id = {}  # deathtoll stores identical texts once: map every id to the stored one
    first_of_text: dict[str, str] = {}
    for r in rows:
        stored_id[r["id"]] = first_of_text.setdefault(norm_text(r["text"]), r["id"])
    rows_per_id = Counter(r["id"] for r in rows)
    scored = []
    for r in rows:
        gold = dict(r["gold"])
        gold["date"] = parse_gold_date(gold.get("date"))
        mentions = by_doc.get(stored_id[r["id"]], [])
        groups = groups_of(mentions)
        eid = main_event(groups, gold["governorate"] if rows_per_id[r["id"]] > 1 else None, rule)
        art = article_prediction(groups[eid]) if eid else _empty_prediction()
        ev = event_prediction(events[eid]) if eid in events else _empty_prediction()
        rec = {"id": r["id"], "source": r["source"], "title": r["title"], "gold": gold,
               "event_id": eid, "n_events_in_article": len(groups), "n_mentions": len(mentions),
               "multi_gold": rows_per_id[r["id"]] > 1, "article": art, "ledger": ev}
        rec["wrong"] = [f for f in (*COUNT_FIELDS, *LABEL_FIELDS) if gold[f] != art[f]] + (
            [] if date_within(gold["date"], art["date_start"], art["date_end"], 1) else ["date"])
        scored.append(rec)
    return scored


def _date_acc(scored: Sequence[Mapping[str, Any]], side: str, days: int) -> float:
    return accuracy((True, date_within(s["gold"]["date"], s[side]["date_start"], s[side]["date_end"], days))
                    for s in scored)


def metric_rows(scored: Sequence[Mapping[str, Any]]) -> list[list[object]]:
    """The main table: metric, article, ledger, baseline, target."""
    majority = {f: Counter(s["gold"][f] for s in scored).most_common(1)[0][0] for f in LABEL_FIELDS}
    out: list[list[object]] = []
    for f in COUNT_FIELDS:
        out.append([f"{f} exact", accuracy((s["gold"][f], s["article"][f]) for s in scored),
                    accuracy((s["gold"][f], s["ledger"][f]) for s in scored),
                    accuracy((s["gold"][f], 0) for s in scored), TARGETS.get(f)])
    out.append(["civilians exact, unspecified victims as civilians",
                accuracy((s["gold"]["civilians"], s["article"]["civilians_lenient"]) for s in scored),
                accuracy((s["gold"]["civilians"], s["ledger"]["civilians_lenient"]) for s in scored), None, None])
    out.append(["total deaths (civ+non-civ) exact",
                accuracy((s["gold"]["civilians"] + s["gold"]["noncivilians"], s["article"]["fatalities"]) for s in scored),
                accuracy((s["gold"]["civilians"] + s["gold"]["noncivilians"], s["ledger"]["fatalities"]) for s in scored),
                accuracy((s["gold"]["civilians"] + s["gold"]["noncivilians"], 0) for s in scored), None])
    for f in LABEL_FIELDS:
        out.append([f"{f}", accuracy((s["gold"][f], s["article"][f]) for s in scored),
                    accuracy((s["gold"][f], s["ledger"][f]) for s in scored),
                    accuracy((s["gold"][f], majority[f]) for s in scored), TARGETS.get(f)])
    for days, label in ((0, "date exact"), (1, "date within 1 day"), (7, "date within 7 days")):
        out.append([label, _date_acc(scored, "article", days), _date_acc(scored, "ledger", days), None, None])
    out.append(["articles with no mention", sum(1 for s in scored if s["event_id"] is None) / max(len(scored), 1),
                None, None, None])
    return out


def source_rows(scored: Sequence[Mapping[str, Any]]) -> list[list[object]]:
    """Per-source accuracy of the article prediction."""
    by_src: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for s in scored:
        by_src[s["source"]].append(s)
    rows = []
    for src, ss in sorted(by_src.items(), key=lambda kv: -len(kv[1])):
        rows.append([src, len(ss), *(accuracy((s["gold"][f], s["article"][f]) for s in ss)
                                     for f in ("civilians", "noncivilians", *LABEL_FIELDS)),
                     _date_acc(ss, "article", 1)])
    return rows


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = arg_parser("FA-KES benchmark for deathtoll")
    ap.add_argument("--main", choices=("deaths", "first"), default="first",
                    help="how to pick an article's main event: the first mention reporting a death (default: news puts the main incident first) or the one with most deaths")
    args = ap.parse_args(argv)
    path = args.data / "fakes-dev.jsonl"
    if not path.is_file():
        skip(f"{path} does not exist")
    rows = read_jsonl(path)
    if args.limit:
        keep = list(dict.fromkeys(r["id"] for r in rows))[: args.limit]
        rows = [r for r in rows if r["id"] in set(keep)]
    docs = list({r["id"]: {"id": r["id"], "text": r["text"], "title": r["title"], "source": r["source"]}
                 for r in rows}.values())
    print(f"FA-KES: {len(docs)} articles, {len(rows)} gold rows; running deathtoll ...", file=sys.stderr)
    ledger = run_deathtoll(docs, args.db)
    scored = score_rows(rows, ledger, args.main)
    print(f"\nFA-KES dev (main event: {args.main}): {len(rows)} gold rows, {len(docs)} articles, {len(ledger.mentions)} mentions, "
          f"{len(ledger.events)} events, deathtoll took {ledger.seconds:.0f}s\n")
    print_table(metric_rows(scored), ["metric", "article", "ledger", "baseline", "target"])
    print("\narticle: the article's own mentions of its main event; ledger: the exported event record;")
    print("baseline: all counts 0, labels = the dev set's majority class.\n")
    print_table(source_rows(scored), ["source", "n", "civilians", "noncivilians", *LABEL_FIELDS, "date ±1"])
    err_path = args.out / (f"{NAME}-errors.jsonl" if args.main == "deaths" else f"{NAME}-{args.main}-errors.jsonl")
    n = write_jsonl((s for s in scored if s["wrong"]), err_path)
    print(f"\n{n} gold rows with at least one error written to {err_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
