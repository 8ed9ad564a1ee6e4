"""Linking at scale: ``python -m bench.linkscale --n 100000`` (or ``--sizes 10000,30000,100000``).

Synthetic mentions with a known truth go through ``deathtoll.link.link_mentions``:
true events at random points around real places (coordinates from public gazetteers,
jittered up to ~15 km), dated over six years, with a type, a perpetrator, a victim kind
and a death count; each event is reported by 1-6 mentions (one document each) whose
place (sometimes only the province), date (a day or the week before publication),
perpetrator (sometimes unnamed), type (sometimes the generic "attack") and count (the
figure moves as reports come in) vary the way reports do.
Reports: seconds, peak memory (ru_maxrss of a fresh process per size, and of its largest
forked scoring worker, whose shared copy-on-write pages count in both), candidate pairs,
and pairwise precision / recall / F1 against the synthetic truth.
Targets: 100,000 mentions in < 60 s and < 2 GB.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from datetime import date, timedelta
from typing import Optional, Sequence

from deathtoll.model import Actor, CountClaim, EventMention, Place, TimeSpan

# (name, admin1, country, country code, lat, lon): real places, public coordinates
PLACES = [
    ("Aleppo", "Aleppo", "Syria", "SY", 36.20, 37.16), ("Raqqa", "Raqqa", "Syria", "SY", 35.95, 39.01),
    ("Homs", "Homs", "Syria", "SY", 34.73, 36.71), ("Idlib", "Idlib", "Syria", "SY", 35.93, 36.63),
    ("Deir ez-Zor", "Deir ez-Zor", "Syria", "SY", 35.34, 40.14), ("Douma", "Rif Dimashq", "Syria", "SY", 33.57, 36.40),
    ("Daraa", "Daraa", "Syria", "SY", 32.62, 36.10), ("Hama", "Hama", "Syria", "SY", 35.13, 36.75),
    ("Mosul", "Nineveh", "Iraq", "IQ", 36.34, 43.13), ("Fallujah", "Anbar", "Iraq", "IQ", 33.35, 43.78),
    ("Baghdad", "Baghdad", "Iraq", "IQ", 33.31, 44.37), ("Kirkuk", "Kirkuk", "Iraq", "IQ", 35.47, 44.39),
    ("Kabul", "Kabul", "Afghanistan", "AF", 34.53, 69.17), ("Kandahar", "Kandahar", "Afghanistan", "AF", 31.61, 65.71),
    ("Kunduz", "Kunduz", "Afghanistan", "AF", 36.73, 68.86), ("Maiduguri", "Borno", "Nigeria", "NG", 11.85, 13.16),
    ("Aden", "Aden", "Yemen", "YE", 12.78, 45.04), ("Taiz", "Taiz", "Yemen", "YE", 13.58, 44.02),
    ("Sanaa", "Amanat al Asimah", "Yemen", "YE", 15.35, 44.21), ("Mogadishu", "Banaadir", "Somalia", "SO", 2.04, 45.34),
    ("Tripoli", "Tripoli", "Libya", "LY", 32.89, 13.19), ("Benghazi", "Benghazi", "Libya", "LY", 32.12, 20.07),
    ("Chicago", "Illinois", "United States", "US", 41.88, -87.63), ("Houston", "Texas", "United States", "US", 29.76, -95.37),
    ("Baltimore", "Maryland", "United States", "US", 39.29, -76.61), ("Memphis", "Tennessee", "United States", "US", 35.15, -90.05),
    ("Juba", "Central Equatoria", "South Sudan", "SS", 4.85, 31.58), ("Goma", "North Kivu", "DR Congo", "CD", -1.68, 29.23),
    ("Bamako", "Bamako", "Mali", "ML", 12.64, -8.00), ("Peshawar", "Khyber Pakhtunkhwa", "Pakistan", "PK", 34.01, 71.58),
]
TYPES = ["execution", "massacre", "shooting", "bombing", "shelling", "air_strike", "clash"]
ACTORS = [Actor("islamic_state", "Islamic State", "non_state"), Actor("syrian_government", "Syrian government forces", "state"),
          Actor("taliban", "Taliban", "non_state"), Actor("boko_haram", "Boko Haram", "non_state"),
          Actor("al_shabaab", "al-Shabaab", "non_state"), Actor("houthis", "Houthis", "non_state"),
          Actor("russia", "Russian forces", "state"), Actor("coalition", "US-led coalition", "state")]
UNKNOWN = Actor("unknown", "Unknown", "unknown")
START = date(2014, 1, 1)
DAYS = 6 * 365


def synth(n: int, seed: int = 1, days: int = DAYS) -> tuple[list[EventMention], dict[str, int]]:
    """``n`` mentions in true events of 1-6 mentions over ``days`` days; returns (mentions, mention_id -> event)."""
    rng = random.Random(seed)
    mentions: list[EventMention] = []
    truth: dict[str, int] = {}
    ev = 0
    while len(mentions) < n:
        name, adm, country, cc, lat, lon = rng.choice(PLACES)
        lat += rng.uniform(-0.13, 0.13)
        lon += rng.uniform(-0.13, 0.13)
        day = START + timedelta(days=rng.randrange(days))
        etype, actor = rng.choice(TYPES), rng.choice(ACTORS)
        victims = rng.choice(["civilian", "combatant", "unknown"])
        deaths = max(1, int(rng.lognormvariate(2.0, 1.1)))
        for k in range(min(rng.choice([1, 1, 2, 2, 3, 3, 4, 5, 6]), n - len(mentions))):
            mid = f"m{ev:06d}-{k}"
            if rng.random() < 0.2:  # only the province is known
                place = Place(adm, adm, country, cc, None, None, 4)
            else:
                place = Place(f"{name} area {round(lat, 2)}", adm, country, cc,
                              lat + rng.uniform(-0.02, 0.02), lon + rng.uniform(-0.02, 0.02), rng.choice([1, 1, 2]))
            pub = day + timedelta(days=rng.choice([0, 1, 1, 2, 3]))
            if rng.random() < 0.75:
                d = day + timedelta(days=rng.choice([0, 0, 0, -1, 1]))
                time_ = TimeSpan(d, d, "day")
            else:
                time_ = TimeSpan(pub - timedelta(days=7), pub, "week")
            figure = max(1, round(deaths * rng.uniform(0.7, 1.4)))
            qual = rng.choice(["exact", "exact", "at least", "more than"])
            low, high = (figure, figure) if qual == "exact" else (figure + (qual == "more than"), None)
            claim = CountClaim("killed", low, high, figure, qual, victims, doc_id=f"d-{mid}", claim_id=f"c-{mid}")
            mentions.append(EventMention(
                mention_id=mid, doc_id=f"d-{mid}",
                event_type=etype if rng.random() < 0.8 else "attack",
                perpetrator=actor if rng.random() < 0.7 else UNKNOWN,
                victim_kind=victims, claims=(claim,), place=place, time=time_, trigger="killed",
            ))
            truth[mid] = ev
        ev += 1
    return mentions, truth


def pairwise(clusters: Sequence[Sequence[str]], truth: dict[str, int]) -> tuple[float, float, float]:
    """Pairwise precision, recall, F1 of predicted clusters against the true events."""
    pairs = lambda k: k * (k - 1) // 2  # noqa: E731
    predicted = sum(pairs(len(c)) for c in clusters)
    correct = sum(pairs(k) for c in clusters for k in Counter(truth[m] for m in c).values())
    true = sum(pairs(k) for k in Counter(truth.values()).values())
    p = correct / predicted if predicted else 1.0
    r = correct / true if true else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run_one(n: int, seed: int, constant_density: bool = False) -> None:
    """Link ``n`` synthetic mentions in this process and print one result line.

    By default every size spreads over the same six years, so density (mentions per place
    and week) grows with n; ``constant_density`` scales the years with n instead (6 years
    at 100,000), which is how a ledger grows when it covers a longer period.
    """
    from deathtoll.link import link_mentions
    from deathtoll.link.blocking import candidate_codes
    from deathtoll.link.config import load_config
    from deathtoll.link.features import view

    days = max(30, round(DAYS * n / 100_000)) if constant_density else DAYS
    mentions, truth = synth(n, seed, days)
    cfg = load_config()
    t0 = time.perf_counter()
    n_pairs = len(candidate_codes([view(m) for m in sorted(mentions, key=lambda m: m.mention_id)], cfg))
    t_block = time.perf_counter() - t0
    t0 = time.perf_counter()
    clusters = link_mentions(mentions)
    secs = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # forked scorers (shared pages counted)
    p, r, f = pairwise([c.mention_ids for c in clusters], truth)
    print(f"n={n:>7,} over {days / 365:.1f} years  {secs:6.1f} s  peak {peak:6.0f} MB (largest scoring worker {child:.0f} MB)  candidate pairs {n_pairs:>9,} (blocking alone {t_block:.1f} s)  "
          f"clusters {len(clusters):>6,} (true {len(set(truth.values())):,})  pairwise P {p:.3f} R {r:.3f} F1 {f:.3f}",
          flush=True)


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=None, help="mentions (one run in this process)")
    ap.add_argument("--sizes", default="10000,30000,100000", help="sizes, each in a fresh process (when --n is not given)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--constant-density", action="store_true",
                    help="scale the years covered with n (6 years at 100,000) instead of a fixed six years")
    args = ap.parse_args(argv)
    if args.n:
        run_one(args.n, args.seed, args.constant_density)
        return 0
    extra = ["--constant-density"] if args.constant_density else []
    for n in (int(s) for s in args.sizes.split(",")):
        subprocess.run([sys.executable, "-m", "bench.linkscale", "--n", str(n), "--seed", str(args.seed), *extra], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
