"""The Dask engine: a LocalCluster with 2 worker processes gives the same tables as the local engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.runner import run
from tests.badcorpus import all_rows, article, make_good_corpus, make_standin_model, read_table

distributed = pytest.importorskip("distributed")

N = 16


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local


def test_dask_cluster_equals_local_engine(cluster, tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    make_good_corpus(corpus, N)
    (corpus / "empty.txt").write_bytes(b"")
    model = make_standin_model(tmp_path / "model")
    local, dask = tmp_path / "local", tmp_path / "dask"
    run([corpus], local, model, workers=1, batch_size=3)
    summary = run([corpus], dask, model, engine="dask", scheduler=cluster.scheduler_address, batch_size=3)
    assert summary.counts["documents"] == N and summary.counts["errors"] == 1
    assert all_rows(dask) == all_rows(local)
    # every batch wrote its own part file; each worker loaded the model once
    assert len(list((dask / "documents").glob("part-*.parquet"))) == -(-(N + 1) // 3)
    with distributed.Client(cluster) as client:
        loads = client.run(_model_loads)
    assert sorted(loads.values()) == [1, 1]
    # incremental on Dask too
    (corpus / "a002.txt").unlink()
    again = run([corpus], dask, model, engine="dask", scheduler=cluster.scheduler_address, prune=True)
    assert (again.counts["unchanged"], again.counts["pruned"], again.counts["documents"]) == (N, 1, 0)
    assert read_table(dask, "documents").num_rows == N - 1
    assert len(read_table(dask, "runs")) == 2


def test_dask_reads_the_same_files_as_the_local_engine(cluster, tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    make_good_corpus(corpus, 6)
    (corpus / "README.md").write_text("# Sammlung\n\nMeldungen der Agenturen.\n", encoding="utf-8")
    (corpus / "b000.md").write_text(article(400), encoding="utf-8")
    model = make_standin_model(tmp_path / "model")
    local, dask = tmp_path / "local", tmp_path / "dask"
    options = {"glob": "*.txt", "exclude": ["a00[12]*"], "batch_size": 2}
    run([corpus], local, model, workers=1, **options)
    summary = run([corpus], dask, model, engine="dask", scheduler=cluster.scheduler_address, **options)
    assert (summary.counts["documents"], summary.counts["excluded"], summary.counts["errors"]) == (4, 2, 0)
    assert all_rows(dask) == all_rows(local)
    paths = {Path(p).name for p in read_table(dask, "documents")["path"].to_pylist()}
    assert paths == {"a000.txt", "a003.txt", "a004.txt", "a005.txt"}
    # the default skip list applies on Dask too
    summary = run([corpus], tmp_path / "default", model, engine="dask", scheduler=cluster.scheduler_address)
    assert (summary.counts["documents"], [Path(e.path).name for e in summary.excluded]) == (7, ["README.md"])


def _model_loads() -> int:
    from pipeline.runner import _worker_state

    return _worker_state.cache_info().misses
