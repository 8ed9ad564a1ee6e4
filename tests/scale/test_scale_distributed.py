"""Extraction on a Dask cluster gives the same mentions as the local pipeline."""

from __future__ import annotations

import pytest

pytest.importorskip("distributed")

from distributed import LocalCluster  # noqa: E402

from deathtoll import distributed as dist  # noqa: E402
from deathtoll.model import Document  # noqa: E402
from deathtoll.pipeline import Pipeline  # noqa: E402

DOCS = [
    Document("a", "Gunmen killed 12 villagers in Kafr Nabl on Saturday, a monitoring group said.", published="2016-03-06"),
    Document("b", "The city council approved a new budget for parks and libraries on Monday.", published="2016-03-07"),
    Document("c", "At least 7 people were wounded when a car bomb exploded in Kirkuk, police said.", published="2016-03-08"),
]


@pytest.mark.slow
def test_extract_on_dask_matches_local_pipeline():
    local = Pipeline(n_process=1).extract(DOCS)
    with LocalCluster(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=":0") as cluster:
        seen: list[int] = []
        remote = dist.extract_on_dask(DOCS, cluster, batch_size=2, progress=seen.append)
    assert [m.to_dict() for m in remote] == [m.to_dict() for m in local]
    assert {m.doc_id for m in remote} == {"a", "c"}
    assert sorted(seen) == [1, 2]  # two batches: 2 + 1 documents


def test_nothing_to_do_needs_no_cluster():
    assert dist.extract_on_dask([], "tcp://127.0.0.1:1") == []
