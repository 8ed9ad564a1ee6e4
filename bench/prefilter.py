"""Prefilter recall and selectivity: ``python -m bench.prefilter``.

``deathtoll.extract.is_relevant`` decides, before any parsing, whether a text could
hold a casualty report. Every FA-KES and GVC dev article reports a real violent
event, so recall = share of them kept (target >= 0.99). Selectivity = share of
generated non-violent news (``bench.newsgen``) dropped. Also lists the words that
made irrelevant articles pass, most frequent first (what to look at when tuning).
Runs the irrelevant part even without ../shared.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path
from typing import Optional, Sequence

from bench.newsgen import irrelevant_articles
from bench.runner import DEFAULT_DATA
from bench.throughput import relevant_texts


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--n-irrelevant", type=int, default=5000)
    args = ap.parse_args(argv)

    from deathtoll.extract import is_relevant
    from deathtoll.extract.lexicon import load_lexicon

    rx = load_lexicon().trigger_regex
    base = relevant_texts(args.data)
    if base:
        for name, prefix in (("FA-KES dev", "fk-"), ("GVC dev", "gv-")):
            recs = [r for r in base if r["id"].startswith(prefix)]
            missed = [r["id"] for r in recs if not is_relevant(r["text"])]
            print(f"{name}: {len(recs)} articles, recall {1 - len(missed) / len(recs):.4f} "
                  f"({len(missed)} dropped{': ' + ', '.join(missed[:8]) if missed else ''})")
        missed_all = sum(1 for r in base if not is_relevant(r["text"]))
        print(f"all relevant: recall {1 - missed_all / len(base):.4f} (target >= 0.99)")
    else:
        print(f"relevant texts not found under {args.data}: recall skipped")

    irr = list(irrelevant_articles(args.n_irrelevant, seed=5))
    t0 = time.perf_counter()
    kept = [a for a in irr if is_relevant(a["text"])]
    secs = time.perf_counter() - t0
    print(f"generated non-violent news: {len(irr)} articles, dropped {1 - len(kept) / len(irr):.4f} "
          f"({len(irr) / secs:,.0f} articles/s through the prefilter)")
    why = collections.Counter(m.group(0).lower() for a in kept for m in rx.finditer(a["text"]))
    if why:
        print("words that let them through (count): " + ", ".join(f"{w} {n}" for w, n in why.most_common(12)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
