"""Acceptance check on the five seed reports in ../shared/corpus/seeds (issue 2).

    python -m bench.seeds            # prints what holds; exit 1 if something does not

Reads the seeds when present (skips cleanly otherwise), runs the real CLI into a temporary
ledger and checks the public export (``export --what events``) against what a documenter
reads in those reports.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"


def _cli(db: str, *args: str) -> str:
    cmd = [sys.executable, "-m", "deathtoll.cli", "--db", db, *args]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def _events(seeds: Path) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "seeds.db")
        _cli(db, "ingest", str(seeds))
        _cli(db, "run")
        return [json.loads(x) for x in _cli(db, "export", "--what", "events").splitlines() if x.strip()]


def _one(events, pred):
    got = [e for e in events if pred(e)]
    return got[0] if len(got) == 1 else None


def checks(events: list[dict]) -> list[tuple[str, bool, str]]:
    out: list[tuple[str, bool, str]] = []

    def check(name: str, ok: bool, detail: str = "") -> None:
        out.append((name, bool(ok), detail))

    tabqa = _one(events, lambda e: {"002", "003"} <= set(e["documents"]))
    check("Tabqa: SNHR (002) and AP (003) reports joined as one event", tabqa is not None)
    if tabqa:
        q = {(c["qualifier"], c["low"], c["high"]) for c in tabqa["claims"]}
        check("Tabqa: place in Raqqa governorate", tabqa["place"]["admin1"] == "Raqqa", str(tabqa["place"]))
        check("Tabqa: late August 2014", (tabqa["date"]["start"] or "").startswith("2014-08"), str(tabqa["date"]))
        check("Tabqa: Islamic State", tabqa["perpetrator"]["id"] == "islamic_state")
        check("Tabqa: victims are prisoners", tabqa["victims"]["prisoners"]["best"] is not None)
        check("Tabqa: claim 'more than 160'", ("more than", 160, None) in q)
        check("Tabqa: claim 'around 250'", any(a == "around" and lo <= 250 <= hi for a, lo, hi in q if hi))
        check("Tabqa: the group's own 'about 200', marked perpetrator",
              any(c["claimant_kind"] == "perpetrator" and c["low"] <= 200 <= c["high"] for c in tabqa["claims"] if c["high"]))
        check("Tabqa: '375 at minimum'", ("at least", 375, None) in q)
        f = tabqa["fatalities"]
        check("Tabqa: low/best/high contain the credible claims", f["low"] <= 160 and f["high"] >= 375, str(f))
        check("Tabqa: every claim has its quote and offsets", all(c["quote"] and c["end"] > c["start"] for c in tabqa["claims"]))
    palmyra = _one(events, lambda e: {"000", "004"} <= set(e["documents"]))
    check("Palmyra: the two reports joined", palmyra is not None)
    if palmyra:
        check("Palmyra: Tadmur, Homs governorate", palmyra["place"]["admin1"] == "Homs" and palmyra["place"]["name"] == "Tadmur", str(palmyra["place"]))
        check("Palmyra: 2015", (palmyra["date"]["start"] or "").startswith("2015"), str(palmyra["date"]))
        check("Palmyra: Islamic State", palmyra["perpetrator"]["id"] == "islamic_state")
        check("Palmyra: 25 and more than 25", 25 <= palmyra["fatalities"]["best"] <= 26, str(palmyra["fatalities"]))
        check("Palmyra: the executed soldiers are prisoners, none civilians",
              (palmyra["victims"]["prisoners"]["best"] or 0) >= 25 and not palmyra["victims"]["civilians"]["best"],
              str(palmyra["victims"]))
    qary = _one(events, lambda e: "001" in e["documents"] and e["perpetrator"]["id"] == "islamic_state")
    check("Al-Qaryatayn: one Islamic State event", qary is not None)
    if qary:
        check("Al-Qaryatayn: Homs governorate", qary["place"]["admin1"] == "Homs", str(qary["place"]))
        check("Al-Qaryatayn: October 2017", (qary["date"]["start"] or "").startswith("2017-10"), str(qary["date"]))
        check("Al-Qaryatayn: at least 128 civilians", qary["victims"]["civilians"]["low"] == 128, str(qary["victims"]["civilians"]))
    gov = _one(events, lambda e: "001" in e["documents"] and e["perpetrator"]["id"] == "syrian_government")
    check("Al-Qaryatayn: separate event, at least 12 killed by government forces",
          gov is not None and gov["fatalities"]["low"] == 12)
    hamrat = _one(events, lambda e: e["place"]["name"] == "Al-Hamrat")
    check("Al-Hamrat: 40 prisoners on 28 August 2014, its own event",
          hamrat is not None and hamrat["fatalities"]["low"] == 40 and hamrat["date"]["start"] == "2014-08-28"
          and hamrat["documents"] == ["002"])
    check("No background toll (300000-style) or the 500 children taken as an event",
          all((c["low"] or 0) < 10000 and c["low"] != 500 for e in events for c in e["claims"]))
    return out


def main(argv: list[str] | None = None) -> int:
    seeds = Path(argv[0]) if argv else SEEDS
    if not seeds.is_dir():
        print(f"skipped: seed reports not found at {seeds}")
        return 0
    events = _events(seeds)
    results = checks(events)
    for name, ok, detail in results:
        print(f"{'PASS' if ok else 'FAIL'}  {name}" + (f"   [{detail}]" if detail and not ok else ""))
    n_ok = sum(ok for _, ok, _ in results)
    print(f"{n_ok}/{len(results)} checks hold; {len(events)} events in the ledger")
    return 0 if n_ok == len(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
