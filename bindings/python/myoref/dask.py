"""Scoring Dask DataFrames partition by partition (registries larger than one
machine).

::

    import dask.dataframe as dd
    import myoref, myoref.dask

    kb = myoref.KnowledgeBase.default()
    drawings = dd.read_parquet("registry/*.parquet")        # columns by region key
    scores = myoref.dask.score(drawings, kb, ignore=["patient_id"])
    top = scores.idxmax(axis=1).value_counts().compute()

Each partition is scored by :func:`myoref.frame.score_frame` (columns read by
region key; a missing column is 0; an unknown one is refused). The knowledge
base travels as a small reference: its hash and, for a base other than the
built-in one, its JSON text, as one shared node of the task graph. Each
worker process loads it once, on its first partition, and keeps it for every
later partition and computation (:func:`worker_loads` counts the loads).

:func:`assess` does the same for a Series of intakes (one row per intake, the
columns of :func:`myoref.frame.assess_frame`).

Dask is imported when a function here is called (Debian: ``python3-dask``;
a cluster also needs ``python3-distributed``).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, Iterable

from . import frame as _frame
from ._core import KnowledgeBase

if TYPE_CHECKING:  # pragma: no cover
    import dask.dataframe as dd

__all__ = ["KnowledgeBaseRef", "score", "assess", "worker_kb", "worker_loads"]

_lock = threading.Lock()
_bases: dict[str, KnowledgeBase] = {}
_loads = 0


def worker_kb(kb_hash: str, text: str | None) -> KnowledgeBase:
    """The knowledge base with this hash, loaded at most once per process:
    the built-in one when ``text`` is None, else ``KnowledgeBase.from_json(text)``."""
    global _loads
    with _lock:
        kb = _bases.get(kb_hash)
        if kb is None:
            kb = KnowledgeBase.default() if text is None else KnowledgeBase.from_json(text)
            if kb.hash != kb_hash:
                raise ValueError(
                    f"knowledge base hash {kb.hash} is not the expected {kb_hash}: the worker "
                    "runs another myoref version than the client"
                )
            _bases[kb_hash] = kb
            _loads += 1
        return kb


def worker_loads() -> int:
    """How many knowledge bases this process has loaded through
    :func:`worker_kb` (run it on the workers: ``client.run(worker_loads)``)."""
    return _loads


class KnowledgeBaseRef:
    """What a task carries instead of a knowledge base: its hash, and its JSON
    text unless it is the built-in base (which every worker has compiled in).
    Pickles small; :meth:`get` gives the worker's loaded base."""

    __slots__ = ("hash", "text")

    def __init__(self, kb: KnowledgeBase) -> None:
        self.hash = kb.hash
        self.text = None if kb == KnowledgeBase.default() else kb.to_json()

    def get(self) -> KnowledgeBase:
        return worker_kb(self.hash, self.text)

    def __getstate__(self):
        return (self.hash, self.text)

    def __setstate__(self, state) -> None:
        self.hash, self.text = state

    def __repr__(self) -> str:
        what = "built-in" if self.text is None else f"{len(self.text)} characters of JSON"
        return f"<KnowledgeBaseRef {self.hash[:12]} ({what})>"


def _shared(ref: KnowledgeBaseRef):
    import dask

    # One node of the graph that every partition's task depends on: the
    # reference is sent to each worker once, not once per task.
    return dask.delayed(ref, pure=True, name=f"myoref-kb-{ref.hash[:16]}")


def _score_partition(df, ref: KnowledgeBaseRef, ignore: tuple, missing: str, threads: int):
    return _frame.score_frame(ref.get(), df, ignore=ignore, missing=missing, threads=threads)


def _assess_partition(series, ref: KnowledgeBaseRef, top: int, errors: str):
    return _frame.assess_frame(ref.get(), series, top=top, errors=errors)


def score(drawings: "dd.DataFrame", kb: KnowledgeBase, *, ignore: Iterable[str] = (),
          missing: str = "error", threads: int = 1) -> "dd.DataFrame":
    """Scores a Dask DataFrame of drawings (columns by region key), lazily.

    Returns a Dask DataFrame with the same partitions and index and one
    float32 column per candidate key. ``threads`` is the C++ threads per
    partition (1: let Dask's workers be the parallelism).
    """
    import pandas as pd

    ref = KnowledgeBaseRef(kb)
    meta = pd.DataFrame(
        {k: pd.Series(dtype="float32") for k in kb.candidate_keys()},
        index=drawings._meta.index[:0],
    )
    return drawings.map_partitions(
        _score_partition, _shared(ref), tuple(ignore), missing, threads, meta=meta,
        align_dataframes=False, enforce_metadata=False
    )


def assess(intakes: Any, kb: KnowledgeBase, *, top: int = 3,
           errors: str = "raise") -> "dd.DataFrame":
    """Assesses a Dask Series of intakes (dicts or JSON text), one row each,
    with the columns of :func:`myoref.frame.assess_frame`."""
    import pandas as pd

    ref = KnowledgeBaseRef(kb)
    meta = pd.DataFrame(
        {c: pd.Series(dtype="float64" if c == "top_score" else "object")
         for c in _frame.ASSESS_COLUMNS},
        index=intakes._meta.index[:0],
    )
    return intakes.map_partitions(
        _assess_partition, _shared(ref), top, errors, meta=meta,
        align_dataframes=False, enforce_metadata=False
    )
