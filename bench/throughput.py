"""Throughput of the full pipeline: ``python -m bench.throughput [--n 20000] [--quick]``.

What is timed is the FULL pipeline through the library, phase by phase, exactly what
``Ledger.ingest`` + ``Ledger.run`` do, into a temporary ledger file:
ingest (read JSONL, store, near-duplicate signatures), extract (prefilter, spaCy parse,
rules, geo, dates), save mentions, link + reconcile + save events.

Streams
  relevant   the texts of ../shared/bench (FA-KES dev and GVC dev) repeated to ``--n``
             documents; copy k shifts every year in the text (and the publication date)
             by k and ends with a one-line marker, so content hashes differ and copies do
             not all pile into the same events (skipped without ../shared);
  mixed      ``--irrelevant-share`` (default 95%) generated non-violent news
             (``bench.newsgen``) + relevant texts;
  irrelevant only generated non-violent news;
  dropped    only generated news that the prefilter drops (the cost of a non-parsed article).
Then the bare spaCy parse of the same relevant texts as the pipeline parses them (the
sentences ``extract.focus`` keeps, same model, batch size, worker processes and chunks),
and the ratio full/bare (seconds per relevant article); and, for reference, the parse of
the whole texts in one process (what a plain spaCy pipeline would cost).
Peak memory: ``ru_maxrss`` of this process and of the largest worker process.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator, Optional, Sequence

from bench.newsgen import irrelevant_articles
from bench.runner import DEFAULT_DATA

_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


def relevant_texts(data: Path) -> list[dict[str, Any]]:
    """FA-KES dev + GVC dev records (id, text, published); empty when the data is absent."""
    out: list[dict[str, Any]] = []
    fakes, gvc = data / "fakes-dev.jsonl", data / "gvc-dev" / "documents.jsonl"
    if fakes.exists():
        for line in fakes.open(encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                out.append({"id": f"fk-{r['id']}", "text": r["text"], "title": r.get("title")})
    if gvc.exists():
        for line in gvc.open(encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                out.append({"id": f"gv-{r['doc_id']}", "text": r["text"], "title": r.get("title"),
                            "published": r.get("dct")})
    return out


def copy_of(rec: dict[str, Any], k: int) -> dict[str, Any]:
    """Copy ``k`` of a record: years shifted by k, a marker line, a new id."""
    if k == 0:
        return dict(rec)
    shift = lambda m: str(int(m.group(1)) + k)  # noqa: E731
    out = dict(rec, id=f"{rec['id']}-c{k}", text=_YEAR.sub(shift, rec["text"]) + f"\n\nBulletin {k}.")
    if rec.get("published"):
        out["published"] = _YEAR.sub(shift, rec["published"])
    return out


def relevant_stream(base: Sequence[dict[str, Any]], n: int) -> Iterator[dict[str, Any]]:
    """``n`` relevant records: the base texts, then copies 1, 2, ... of them."""
    for i in range(n):
        yield copy_of(base[i % len(base)], i // len(base))


def mixed_stream(base: Sequence[dict[str, Any]], n: int, irrelevant_share: float, seed: int = 11) -> list[dict[str, Any]]:
    """``n`` records, ``irrelevant_share`` of them generated non-violent news, interleaved."""
    n_rel = round(n * (1 - irrelevant_share)) if base else 0
    irr = list(irrelevant_articles(n - n_rel, seed=seed))
    rel = list(relevant_stream(base, n_rel)) if n_rel else []
    out: list[dict[str, Any]] = []
    step = (len(irr) + 1) / (len(rel) + 1) if rel else 0
    ri = 0
    for i, r in enumerate(irr):
        out.append(r)
        while ri < len(rel) and i + 1 >= (ri + 1) * step:
            out.append(rel[ri])
            ri += 1
    out.extend(rel[ri:])
    return out


def peak_mb() -> tuple[float, float]:
    """(peak RSS of this process, peak RSS of the largest finished child) in MB."""
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return me, kids


def cpu_seconds() -> float:
    """User + system CPU seconds of this process and its finished children so far."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run_full(records: Sequence[dict[str, Any]], *, n_process: Optional[int], batch_size: int, workdir: Path,
             name: str, nlp=None) -> dict[str, Any]:
    """Ingest + run ``records`` into a fresh ledger, timing each phase (seconds)."""
    from deathtoll.ledger import Ledger
    from deathtoll.pipeline import Pipeline

    src = workdir / f"{name}.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    pipe = Pipeline(nlp=nlp, batch_size=batch_size, n_process=n_process)
    lg = Ledger(workdir / f"{name}.db", pipeline=pipe)
    t: dict[str, Any] = {"name": name, "documents": len(records)}
    try:
        cpu0 = cpu_seconds()
        t0 = time.perf_counter()
        s = lg.ingest([src])
        t["ingest"] = time.perf_counter() - t0
        t["stored"] = len(s.added)
        version = pipe.version
        run_id = lg.store.start_run(version)
        docs = lg.store.unprocessed_documents(version)
        t0 = time.perf_counter()
        mentions = pipe.extract(docs)
        t["extract"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        lg.store.save_mentions([d.doc_id for d in docs], mentions, version)
        t["save"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        events = lg.rebuild_events()
        t["link+reconcile+save"] = time.perf_counter() - t0
        lg.store.finish_run(run_id, {"documents": len(docs), "mentions": len(mentions), "events": len(events)})
        from deathtoll.extract import is_relevant

        t["parsed"] = sum(1 for d in docs if is_relevant(d.text))
        t["mentions"], t["events"] = len(mentions), len(events)
        t["cpu"] = cpu_seconds() - cpu0
    finally:
        lg.close()
    t["total"] = sum(t[k] for k in ("ingest", "extract", "save", "link+reconcile+save"))
    t["per_s"] = len(records) / t["total"] if t["total"] else float("inf")
    return t


_BARE_NLP = None


def _parse_chunk(texts: list[str]) -> int:
    """Worker task of :func:`bare_parse`: parse ``texts`` with the forked model, keep nothing."""
    for _ in _BARE_NLP.pipe(texts, batch_size=_BARE_BATCH):
        pass
    return len(texts)


def bare_parse(texts: Sequence[str], nlp, *, workers: int, batch_size: int, chunk: int) -> float:
    """Seconds to parse ``texts`` with ``nlp.pipe`` and nothing else, in ``workers`` forked
    processes taking ``chunk`` texts at a time (as ``Pipeline.extract`` spreads its work)."""
    global _BARE_NLP, _BARE_BATCH
    _BARE_NLP, _BARE_BATCH = nlp, batch_size
    t0 = time.perf_counter()
    if workers <= 1:
        _parse_chunk(list(texts))
    else:
        import multiprocessing

        chunks = [list(texts[i : i + chunk]) for i in range(0, len(texts), chunk)]
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for _ in pool.imap(_parse_chunk, chunks):
                pass
    return time.perf_counter() - t0


_BARE_BATCH = 16


def _print_run(t: dict[str, Any]) -> None:
    phases = "  ".join(f"{k} {t[k]:.1f}s" for k in ("ingest", "extract", "save", "link+reconcile+save"))
    print(f"[{t['name']}] {t['documents']} docs ({t['parsed']} parsed, {t['mentions']} mentions, {t['events']} events): "
          f"{t['total']:.1f}s = {t['per_s']:.1f} articles/s   ({phases}; CPU {t['cpu']:.1f}s)", flush=True)


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=20000, help="documents in the relevant stream (default 20000)")
    ap.add_argument("--n-mixed", type=int, default=None, help="documents in the mixed stream (default: --n)")
    ap.add_argument("--n-irrelevant", type=int, default=None, help="documents in the irrelevant stream (default: --n)")
    ap.add_argument("--quick", action="store_true", help="small sizes (300 documents) for a smoke run")
    ap.add_argument("--irrelevant-share", type=float, default=0.95)
    ap.add_argument("--n-process", type=int, default=None, help="worker processes (default: the Pipeline's default, every core)")
    ap.add_argument("--skip-whole", action="store_true", help="skip the single-process parse of whole texts")
    ap.add_argument("--batch-size", type=int, default=None, help="spaCy batch size (default: the Pipeline's default)")
    ap.add_argument("--streams", default="relevant,mixed,irrelevant,dropped,bare", help="which parts to run")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args(argv)
    if args.quick:
        args.n = min(args.n, 300)
    n_mixed = args.n_mixed or args.n
    n_irr = args.n_irrelevant or args.n
    streams = set(args.streams.split(","))

    from deathtoll.extract import load_nlp
    from deathtoll.pipeline import Pipeline

    defaults = Pipeline()
    batch_size = args.batch_size or defaults.batch_size
    t0 = time.perf_counter()
    nlp = load_nlp()
    print(f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs "
          "(other work on the machine slows every figure below)")
    print(f"spaCy model loaded in {time.perf_counter() - t0:.1f}s; batch_size {batch_size}, "
          f"worker processes {args.n_process if args.n_process else 'default (every core)'}", flush=True)

    base = relevant_texts(args.data)
    if not base:
        print(f"relevant texts not found under {args.data}: the relevant stream and the bare parse are skipped")
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="deathtoll-throughput-") as tmp:
        work = Path(tmp)
        # warm the gazetteer's cache outside the timings (a one-off per machine)
        Pipeline(nlp=nlp).gazetteer.is_place("Aleppo")
        if base and "relevant" in streams:
            rel = list(relevant_stream(base, args.n))
            results["relevant"] = r = run_full(rel, n_process=args.n_process, batch_size=batch_size, workdir=work,
                                               name="relevant", nlp=nlp)
            _print_run(r)
        if "mixed" in streams:
            mixed = mixed_stream(base, n_mixed, args.irrelevant_share)
            results["mixed"] = r = run_full(mixed, n_process=args.n_process, batch_size=batch_size, workdir=work,
                                            name="mixed", nlp=nlp)
            _print_run(r)
        if "irrelevant" in streams:
            irr = list(irrelevant_articles(n_irr, seed=23))
            results["irrelevant"] = r = run_full(irr, n_process=args.n_process, batch_size=batch_size, workdir=work,
                                                 name="irrelevant", nlp=nlp)
            _print_run(r)
        if "dropped" in streams:
            from deathtoll.extract import is_relevant

            gen = (a for a in irrelevant_articles(20 * n_irr, seed=29) if not is_relevant(a["text"]))
            dropped = [a for _, a in zip(range(n_irr), gen)]
            results["dropped"] = r = run_full(dropped, n_process=args.n_process, batch_size=batch_size, workdir=work,
                                              name="irrelevant, prefilter drops all", nlp=nlp)
            _print_run(r)
    if base and "bare" in streams:
        from deathtoll.extract import focus
        from deathtoll.pipeline import WORKER_CHUNK
        from deathtoll.pipeline import Pipeline as P

        texts = [r["text"] for r in relevant_stream(base, args.n)]
        workers = P(n_process=args.n_process).processes_for(len(texts))
        # what the pipeline parses: the focused texts (extract.focus), spread as it spreads them
        focused = [focus(t) for t in texts]
        secs = bare_parse(focused, nlp, workers=workers, batch_size=batch_size, chunk=WORKER_CHUNK)
        print(f"[bare parse] {len(texts)} relevant texts as the pipeline parses them (focused, {workers} "
              f"worker processes): {secs:.1f}s = {len(texts) / secs:.1f} articles/s", flush=True)
        if "relevant" in results:
            full = results["relevant"]
            print(f"full/bare = {full['total'] / secs:.2f} (whole pipeline), "
                  f"{full['extract'] / secs:.2f} (extract phase only)")
        if not args.skip_whole:
            whole = bare_parse(texts, nlp, workers=1, batch_size=batch_size, chunk=len(texts))
            print(f"[bare parse, whole texts, 1 process] {whole:.1f}s = {len(texts) / whole:.1f} articles/s "
                  "(parsing every sentence of every text, the way a plain spaCy pipeline would)", flush=True)
    print(f"load average at the end {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    me, kids = peak_mb()
    print(f"peak memory: {me:.0f} MB (this process), {kids:.0f} MB (largest child process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
