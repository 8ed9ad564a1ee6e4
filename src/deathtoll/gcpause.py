"""Pausing Python's cyclic garbage collector for the batch phases that allocate most.

Linking and reconciling 55,000 mentions makes millions of small objects (candidate
pairs, cluster edges, mention views, event rows) that live until the phase ends. The
collector's full passes scan all of them, and every mention held, again and again:
on the 20,000-report throughput stream that was 7 s of the 32 s of CPU that
``Ledger.rebuild_events`` took (``bench/throughput.py``). These phases make no
reference cycles to speak of (reference counting frees what they drop), so the
collector is paused while they run and switched back on, as it was, afterwards.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the ``with`` block with the cyclic garbage collector off; nests, and restores
    the collector's previous state on exit (also on an exception)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
