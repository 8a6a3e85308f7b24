"""myoref.dask on a distributed.LocalCluster with two worker processes:
partition by partition, equal to score_frame on the whole frame, the
knowledge base loaded once per worker."""

from __future__ import annotations

import json

import numpy as np
import pytest

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import myoref  # noqa: E402
import myoref.dask  # noqa: E402

from conftest import EMERGENCY, GLUTEUS_MEDIUS  # noqa: E402


def drawings(kb, n=2000, seed=11):
    rng = np.random.default_rng(seed)
    keys = kb.region_keys()
    values = rng.integers(0, 11, size=(n, len(keys))) * (rng.random((n, len(keys))) < 0.1)
    df = pd.DataFrame(values.astype(np.uint8), columns=keys)
    # Columns in another order and a non-region column to ignore.
    df = df[keys[::-1]]
    df.insert(0, "patient", [f"p{i}" for i in range(n)])
    return df


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_two_worker_processes(client):
    workers = client.scheduler_info()["workers"]
    assert len(workers) == 2
    pids = client.run(lambda: __import__("os").getpid())
    assert len(set(pids.values())) == 2


def test_score_partition_by_partition(client, kb):
    df = drawings(kb)
    ddf = dd.from_pandas(df, npartitions=8)
    before = client.run(myoref.dask.worker_loads)
    result = myoref.dask.score(ddf, kb, ignore=["patient"])
    assert list(result.columns) == kb.candidate_keys()
    got = result.compute()
    want = kb.score_frame(df, ignore=["patient"])
    pd.testing.assert_frame_equal(got, want)
    # Again: the workers keep the base they loaded.
    result.sum().compute()
    loads = client.run(myoref.dask.worker_loads)
    assert all(loads[w] - before[w] <= 1 for w in loads), (before, loads)
    assert sum(loads.values()) >= 1
    assert all(v <= 1 for v in loads.values()), loads


def test_custom_base_travels_once(client, kb):
    doc = json.loads(kb.to_json())
    doc["id"] = "my-clinic"
    custom = myoref.KnowledgeBase.from_json(json.dumps(doc))
    ref = myoref.dask.KnowledgeBaseRef(custom)
    assert ref.text is not None and myoref.dask.KnowledgeBaseRef(kb).text is None
    df = drawings(kb, n=300, seed=5)
    got = myoref.dask.score(dd.from_pandas(df, npartitions=4), custom, ignore=["patient"]).compute()
    pd.testing.assert_frame_equal(got, custom.score_frame(df, ignore=["patient"]))
    loads = client.run(myoref.dask.worker_loads)
    assert all(v <= 2 for v in loads.values()), loads  # the built-in one and this one


def test_errors_reach_the_client(client, kb):
    df = pd.DataFrame({"sacrum": [1, 2, 13, 4]})
    with pytest.raises(myoref.InputError) as e:
        myoref.dask.score(dd.from_pandas(df, npartitions=2), kb).compute()
    assert "/0/sacrum" in str(e.value) or "/1/sacrum" in str(e.value)


def test_assess_series(client, kb):
    intakes = pd.Series([GLUTEUS_MEDIUS, EMERGENCY] * 5, name="intake")
    got = myoref.dask.assess(dd.from_pandas(intakes, npartitions=3), kb, top=2).compute()
    want = kb.assess_frame(intakes, top=2)
    pd.testing.assert_frame_equal(got, want)
