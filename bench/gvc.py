"""GVC benchmark: does deathtoll group reports of the same shooting and get its figures?

Usage (repo root, venv python)::

    python -m bench.gvc [--limit N] [--data DIR] [--db FILE]

Input: ``<data>/gvc-dev/documents.jsonl`` (doc_id, title, dct, url, text,
gvc_incident_id) and ``incidents.jsonl`` (Gun Violence Archive rows: date, state,
city_or_county, n_killed, n_injured …). deathtoll gets id, text, title, url,
published (= dct) and source (the site's host name).

Scoring:

* clustering: every document is one item; its predicted cluster is the event it
  feeds: with several events, the one whose mentions in that document report the
  most deaths + injured (ties: the event with more documents, then the earlier
  mention); with none, its own singleton. MUC, B³, CEAF-e and CoNLL F1 against the
  gold incidents, next to the all-singletons baseline;
* per incident (those with GVA data): its predicted event is the one most of its
  documents map to (ties: more documents, then more deaths). Killed and injured
  compare the event's ``best`` (absent = 0) with n_killed / n_injured; date exact
  means a single-day event date equal to the incident's; city compares the event's
  place name with ``city_or_county`` (case, diacritics, "County", "St." folded).
  An incident none of whose documents has an event counts as wrong everywhere.
* ``--limit N`` keeps the first N incidents with all their documents.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Optional
from urllib.parse import urlparse

from bench import mapping
from bench.metrics import PRF, accuracy, coref_scores, date_within
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

NAME = "gvc"
TARGETS = {"b3": 0.92, "killed": 0.90, "injured": 0.85}


def source_of(url: Optional[str]) -> Optional[str]:
    """The outlet's host name, looking through a web.archive.org wrapper."""
    if not url:
        return None
    inner = url[url.rfind("http"):] if url.count("http") > 1 else url
    host = urlparse(inner).netloc.split(":")[0].lower()
    return host.removeprefix("www.") or None


def input_docs(docs: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """What deathtoll is given: no gold fields."""
    return [{"id": d["doc_id"], "text": d["text"], "title": d.get("title"), "url": d.get("url"),
             "source": source_of(d.get("url")), "published": d.get("dct")} for d in docs]


def _mention_weight(m: Mapping[str, Any]) -> int:
    return zero(best(m.get("fatalities"))) + zero(best(m.get("injured")))


def predicted_clusters(docs: Sequence[Mapping[str, Any]], ledger: LedgerOutput) -> dict[str, str]:
    """``doc_id -> event_id`` (or ``"single:<doc_id>"`` for a document that feeds no event)."""
    by_doc = ledger.mentions_by_doc()
    events = ledger.events_by_id()
    first_of_text: dict[str, str] = {}
    out = {}
    for d in docs:
        stored = first_of_text.setdefault(norm_text(d["text"]), d["doc_id"])
        scores: dict[str, tuple] = {}
        for m in by_doc.get(stored, []):
            eid = m.get("event_id")
            if not eid:
                continue
            n_docs = events.get(eid, {}).get("n_documents", 1)
            cur = (_mention_weight(m), n_docs, -(m.get("start") or 0))
            scores[eid] = max(scores.get(eid, cur), cur)
        out[d["doc_id"]] = max(scores, key=scores.__getitem__) if scores else f"single:{d['doc_id']}"
    return out


def _int(v: Any) -> Optional[int]:
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


def score_incidents(incidents: Sequence[Mapping[str, Any]], docs_of: Mapping[str, Sequence[str]],
                    pred: Mapping[str, str], ledger: LedgerOutput) -> list[dict[str, Any]]:
    """One scored record per incident with GVA data."""
    events = ledger.events_by_id()
    incident_of_doc = {d: iid for iid, ds in docs_of.items() for d in ds}
    members: dict[str, set[str]] = {}
    for d, e in pred.items():
        members.setdefault(e, set()).add(incident_of_doc.get(d, "?"))
    out = []
    for inc in incidents:
        if inc.get("missing_in_gva_dump") or inc.get("n_killed") is None:
            continue
        iid = str(inc["gva_incident_id"])
        doc_events = {d: pred[d] for d in docs_of.get(iid, [])}
        votes = Counter(e for e in doc_events.values() if e in events)
        eid = None
        if votes:
            eid = max(votes, key=lambda e: (votes[e], events[e]["n_documents"], zero(best(events[e]["fatalities"]))))
        ev = events.get(eid) if eid else None
        gold = {"date": inc.get("date"), "city": inc.get("city_or_county"), "state": inc.get("state"),
                "killed": _int(inc.get("n_killed")), "injured": _int(inc.get("n_injured"))}
        p: dict[str, Any] = {"killed": None, "injured": None, "date": None, "place": None}
        ok: dict[str, bool] = {k: False for k in ("killed", "injured", "date", "date_7", "city", "state")}
        if ev:
            p = {"killed": zero(best(ev["fatalities"])), "injured": zero(best(ev["injured"])),
                 "date": ev["date"], "place": ev["place"], "event_type": ev["event_type"],
                 "n_documents": ev["n_documents"], "documents": ev["documents"],
                 "quotes": [c["quote"] for c in ev.get("claims", [])][:6]}
            gdate = date.fromisoformat(gold["date"]) if gold["date"] else None
            start = date.fromisoformat(ev["date"]["start"]) if ev["date"]["start"] else None
            end = date.fromisoformat(ev["date"]["end"]) if ev["date"]["end"] else None
            ok = {"killed": p["killed"] == gold["killed"], "injured": p["injured"] == gold["injured"],
                  "date": date_within(gdate, start, end, 0), "date_7": date_within(gdate, start, end, 7),
                  "city": mapping.city_matches(gold["city"], ev["place"]["name"]),
                  "state": mapping.fold(gold["state"]) == mapping.fold(ev["place"]["admin1"])}
        ok["not_split"] = len(set(doc_events.values())) == 1
        merged = sorted(set().union(*(members[e] for e in set(doc_events.values()))) - {iid})
        ok["not_merged"] = not merged
        out.append({"incident": iid, "gold": gold, "event_id": eid, "doc_events": doc_events,
                    "merged_with_incidents": merged, "predicted": p, "ok": ok,
                    "wrong": [k for k, v in ok.items() if not v]})
    return out


def _prf_row(name: str, s: Mapping[str, PRF | float], base: Mapping[str, PRF | float], target: Optional[float] = None):
    v, b = s[name], base[name]
    assert isinstance(v, PRF) and isinstance(b, PRF)
    return [name.replace("b3", "B³").replace("muc", "MUC").replace("ceaf_e", "CEAF-e"),
            v.p, v.r, v.f1, b.f1, target]


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = arg_parser("GVC benchmark for deathtoll").parse_args(argv)
    folder = args.data / "gvc-dev"
    if not (folder / "documents.jsonl").is_file() or not (folder / "incidents.jsonl").is_file():
        skip(f"{folder}/documents.jsonl or incidents.jsonl does not exist")
    docs = read_jsonl(folder / "documents.jsonl")
    incidents = read_jsonl(folder / "incidents.jsonl")
    if args.limit:
        keep = list(dict.fromkeys(str(d["gvc_incident_id"]) for d in docs))[: args.limit]
        docs = [d for d in docs if str(d["gvc_incident_id"]) in set(keep)]
    gold = {d["doc_id"]: str(d["gvc_incident_id"]) for d in docs}
    docs_of: dict[str, list[str]] = {}
    for d_id, iid in gold.items():
        docs_of.setdefault(iid, []).append(d_id)
    incidents = [i for i in incidents if str(i["gva_incident_id"]) in docs_of]
    print(f"GVC: {len(docs)} documents, {len(docs_of)} incidents; running deathtoll ...", file=sys.stderr)
    ledger = run_deathtoll(input_docs(docs), args.db)
    pred = predicted_clusters(docs, ledger)
    s = coref_scores(gold, pred)
    base = coref_scores(gold, {d: d for d in gold})
    no_event = sum(1 for v in pred.values() if v.startswith("single:"))
    print(f"\nGVC dev: {len(docs)} documents, {len(docs_of)} gold incidents, {len(ledger.mentions)} mentions, "
          f"{len(ledger.events)} events, {len(set(pred.values()))} predicted clusters "
          f"({no_event} documents with no event); deathtoll took {ledger.seconds:.0f}s\n")
    rows = [_prf_row("muc", s, base), _prf_row("b3", s, base, TARGETS["b3"]), _prf_row("ceaf_e", s, base),
            ["CoNLL F1", None, None, s["conll"], base["conll"], None]]
    print_table(rows, ["clustering", "P", "R", "F1", "singletons F1", "target"])
    scored = score_incidents(incidents, docs_of, pred, ledger)
    majority = {k: Counter(x["gold"][k] for x in scored).most_common(1)[0][0] for k in ("killed", "injured")} if scored else {}
    inc_rows = [
        ["killed exact", accuracy((True, x["ok"]["killed"]) for x in scored),
         accuracy((x["gold"]["killed"], majority.get("killed")) for x in scored), TARGETS["killed"]],
        ["injured exact", accuracy((True, x["ok"]["injured"]) for x in scored),
         accuracy((x["gold"]["injured"], majority.get("injured")) for x in scored), TARGETS["injured"]],
        ["date exact", accuracy((True, x["ok"]["date"]) for x in scored), None, None],
        ["date within 7 days", accuracy((True, x["ok"]["date_7"]) for x in scored), None, None],
        ["city exact", accuracy((True, x["ok"]["city"]) for x in scored), None, None],
        ["state exact", accuracy((True, x["ok"]["state"]) for x in scored), None, None],
        ["incidents with an event", accuracy((True, x["event_id"] is not None) for x in scored), None, None],
    ]
    print(f"\nper incident ({len(scored)} with GVA data)\n")
    print_table(inc_rows, ["metric", "deathtoll", "baseline", "target"])
    print("\nbaseline: singletons for clustering; the dev set's majority value for killed/injured.")
    err_path = args.out / f"{NAME}-errors.jsonl"
    n = write_jsonl((x for x in scored if x["wrong"]), err_path)
    print(f"\n{n} incidents with at least one error written to {err_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
