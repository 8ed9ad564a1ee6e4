"""Benchmarks of deathtoll against other people's annotated data (FA-KES, GVC).

Run from the repository root with the venv python::

    python -m bench.fakes [--limit N] [--data DIR] [--db FILE]
    python -m bench.gvc   [--limit N] [--data DIR] [--db FILE]

Both read ``../shared/bench`` (next to the repository) and exit 0 with
"skipped: data not found" when it is absent. They drive deathtoll only through its
public contract (``deathtoll ingest`` / ``run`` / ``export`` in a subprocess) and
write per-item errors to ``bench/out/<name>-errors.jsonl``. See ``bench/README.md``.
"""
