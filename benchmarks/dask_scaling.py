#!/usr/bin/env python3
"""myoref.dask from one worker process to two (docs/performance.md).

Scores N random drawings (columns by region key) made on the workers
themselves (so no data crosses the network), in P partitions, on a
distributed.LocalCluster with 1 and then 2 worker processes of one thread
each; prints the best of R wall-clock runs of score(...).sum().compute(), and
the drawings per second.

usage: PYTHONPATH=build/bindings/python python3 benchmarks/dask_scaling.py [N] [P] [R]
"""

from __future__ import annotations

import os
import sys
import time

import numpy as np


def make_partition(seed: int, rows: int, keys: list[str]):
    import pandas as pd

    rng = np.random.default_rng(seed)
    x = rng.integers(0, 11, size=(rows, len(keys)), dtype=np.uint8)
    x[rng.random((rows, len(keys))) >= 0.1] = 0
    return pd.DataFrame(x, columns=keys)


def main() -> None:
    import dask
    import dask.dataframe as dd
    import distributed

    import myoref
    import myoref.dask

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4_000_000
    parts = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    kb = myoref.KnowledgeBase.default()
    keys = kb.region_keys()
    rows = n // parts
    print(f"{n:,} drawings x {len(keys)} regions in {parts} partitions; "
          f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    for workers in (1, 2):
        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                      dashboard_address=None) as cluster, \
                distributed.Client(cluster) as client:
            meta = make_partition(0, 0, keys)
            ddf = dd.from_delayed(
                [dask.delayed(make_partition)(i, rows, keys) for i in range(parts)], meta=meta)
            ddf = ddf.persist()  # the drawings live on the workers
            distributed.wait(ddf)
            # Each run is a new graph (a different, unused ignore= name), so
            # that no result of an earlier run is reused.
            myoref.dask.score(ddf, kb, ignore=["warm"]).sum().compute()  # loads the base
            best = float("inf")
            for r in range(repeats):
                total = myoref.dask.score(ddf, kb, ignore=[f"run{r}"]).sum()
                start = time.perf_counter()
                total.compute()
                best = min(best, time.perf_counter() - start)
            loads = client.run(myoref.dask.worker_loads)
            print(f"{workers} worker(s): {best * 1e3:8.1f} ms, "
                  f"{n / best / 1e6:6.2f} M drawings/s, base loads per worker {sorted(loads.values())}")


if __name__ == "__main__":
    main()
