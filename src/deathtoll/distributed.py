"""Extraction on a Dask distributed cluster (optional extra ``deathtoll[dask]``).

The client cuts the documents into batches and sends each batch (plain dicts) to a
worker. Every worker process builds one :class:`~deathtoll.pipeline.Pipeline`
(spaCy model + gazetteer, the slow part) the first time it is asked and keeps it in
a module-level global, so later batches on that worker start at once. Workers return
``EventMention.to_dict()`` records; the client rebuilds them and the caller saves
them through the store (workers never touch the ledger file).

Point it at a cluster::

    dask scheduler                        # on one machine: prints tcp://HOST:8786
    dask worker tcp://HOST:8786           # on each worker machine (deathtoll installed)
    deathtoll run --dask tcp://HOST:8786
"""

from __future__ import annotations

import threading
from typing import Any, Callable, Optional, Sequence

from .errors import DeathtollError
from .model import Document, EventMention, document_from_dict, mention_from_dict

#: Documents per task: big enough to amortise scheduling, small enough to spread work.
DEFAULT_BATCH_SIZE = 64

_PIPELINE = None
#: Guards the pipeline: a worker with several threads extracts one batch at a time (the
#: Pipeline keeps per-document state; spaCy work holds the GIL anyway).
_LOCK = threading.RLock()


def _worker_pipeline():
    """The worker's one Pipeline, built on first use (thread-safe)."""
    global _PIPELINE
    with _LOCK:
        if _PIPELINE is None:
            from .pipeline import Pipeline

            p = Pipeline(n_process=1)
            p.nlp  # noqa: B018 - load the spaCy model now, once per worker process
            p.gazetteer.is_place("Aleppo")  # and the place index
            _PIPELINE = p
        return _PIPELINE


def extract_batch(doc_dicts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Worker task: extract the mentions of a batch of documents given as dicts."""
    docs = [document_from_dict(d) for d in doc_dicts]
    with _LOCK:
        mentions = _worker_pipeline().extract(docs)
    return [m.to_dict() for m in mentions]


def _client(address: Any):
    try:
        from distributed import Client
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise DeathtollError("--dask needs the optional extra: pip install 'deathtoll[dask]'") from e
    if isinstance(address, Client):
        return address, False
    try:
        return Client(address, timeout="30s"), True
    except (OSError, TimeoutError) as e:
        raise DeathtollError(f"cannot reach the Dask scheduler at {address}: {e}") from e


def extract_on_dask(
    docs: Sequence[Document],
    address: Any,
    batch_size: int = DEFAULT_BATCH_SIZE,
    *,
    progress: Optional[Callable[[int], None]] = None,
) -> list[EventMention]:
    """Extract mentions of ``docs`` on the Dask cluster at ``address``.

    ``address`` is a scheduler address ("tcp://host:8786"), or a ``distributed.Client``
    or ``LocalCluster`` already made. Mentions come back in document order.
    ``progress(n)`` is called as each batch of n documents finishes.
    """
    if not docs:
        return []
    if hasattr(address, "scheduler_address") and not hasattr(address, "submit"):  # a cluster object
        address = address.scheduler_address
    client, owned = _client(address)
    try:
        from distributed import as_completed

        batches = [[d.to_dict() for d in docs[i : i + batch_size]] for i in range(0, len(docs), batch_size)]
        futures = client.map(extract_batch, batches, pure=False)
        order = {f.key: i for i, f in enumerate(futures)}
        results: list[list[dict[str, Any]]] = [[] for _ in futures]
        for fut in as_completed(futures):
            i = order[fut.key]
            results[i] = fut.result()
            if progress is not None:
                progress(len(batches[i]))
    finally:
        if owned:
            client.close()
    return [mention_from_dict(m) for batch in results for m in batch]
