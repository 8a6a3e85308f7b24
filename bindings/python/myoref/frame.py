"""pandas tables in and out of myoref.

Two calls turn a table of drawings into a table of answers:

- :func:`score_frame` (also ``kb.score_frame(df)``): a wide frame, one
  column per region key (``"buttock_upper:left"``, ``"sacrum"``), one row per
  drawing, intensities 0..10. Columns are read **by name**, so their order
  and dtype never change an answer; a region key with no column is 0 (not
  marked); a column that is not a region key is refused with a suggestion.
  The result has one row per drawing (the same index) and one column per
  candidate key: the scores of ``kb.score_batch``.
- :func:`assess_frame` (also ``kb.assess_frame(intakes)``): many intakes
  (dicts or JSON text, a list or a Series) to one row each: triage level,
  pending red-flag questions, the top candidates with their scores, ties,
  the cover and what no muscle explains.

pandas is imported only when one of these is called: ``import myoref``
never needs it.

Missing values. A NaN, ``None`` or ``pandas.NA`` in a region column is an
error (``InputError``, path ``/ROW/COLUMN``) unless ``missing="unmarked"``
says that a missing cell means "not marked" (read as 0). In an intake dict,
a missing value of an optional field (``age``, ``duration_days``, ``onset``,
``sex``) means "not given"; anywhere else it is an error with its path
(``kb.assess`` does this for every intake, not only here).
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from ._missing import is_missing
from .errors import Diagnostic, InputError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ._core import KnowledgeBase

__all__ = ["score_frame", "assess_frame", "drawings_frame", "is_missing"]

#: Diagnostics listed per error before "... and N more".
_MAX_DIAGNOSTICS = 20


def _pandas():
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - depends on the machine
        raise ImportError(
            "myoref.frame needs pandas (Debian: apt-get install python3-pandas)"
        ) from e
    return pandas


def _pointer_token(name: str) -> str:
    """One JSON-pointer token (RFC 6901): ``~`` -> ``~0``, ``/`` -> ``~1``."""
    return name.replace("~", "~0").replace("/", "~1")


def _suggest(name: str, known: Sequence[str]) -> str:
    match = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if not match and ":" not in name:
        # A paired region given without its side: point to the left key.
        sided = [k for k in known if k.startswith(name + ":")]
        match = sided[:1]
    return f' (did you mean "{match[0]}"?)' if match else ""


def _raise(message: str, diagnostics: list[Diagnostic]) -> None:
    extra = len(diagnostics) - _MAX_DIAGNOSTICS
    shown = diagnostics[:_MAX_DIAGNOSTICS]
    if extra > 0:
        shown.append(Diagnostic("", f"... and {extra} more"))
    raise InputError(message, None, shown)


def _column_values(np, column, name: str) -> "Any":
    """A column as float64 with NaN for every missing cell, or an error."""
    try:
        if column.dtype == object:
            # None, NaN and pandas.NA side by side: each a missing cell.
            values = np.array([np.nan if is_missing(v) else v for v in column], dtype="float64")
        else:
            values = column.to_numpy(dtype="float64", na_value=np.nan)
    except (TypeError, ValueError):
        values = None
    if values is None or column.dtype == bool or str(column.dtype) == "boolean":
        what = str(column.dtype)
        _raise(
            "drawings are not valid",
            [
                Diagnostic(
                    f"/columns/{_pointer_token(name)}",
                    f"column of {what} values: expected intensities, integers 0..10",
                )
            ],
        )
    return values


def drawings_frame(kb: "KnowledgeBase", df: "pd.DataFrame", *, ignore: Iterable[str] = (),
                   missing: str = "error"):
    """The uint8 array ``kb.score_batch`` takes, read from ``df`` by column
    name (see :func:`score_frame` for the rules). Useful to score in pieces."""
    pd = _pandas()
    import numpy as np

    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"drawings must be a pandas DataFrame, not {type(df).__name__}")
    if missing not in ("error", "unmarked"):
        raise ValueError('missing must be "error" or "unmarked"')
    ignored = set(ignore)
    keys = kb.region_keys()
    position = {k: i for i, k in enumerate(keys)}

    diagnostics: list[Diagnostic] = []
    seen: dict[str, int] = {}
    used: list[tuple[int, str, int]] = []  # (column position in df, key, key index)
    for j, name in enumerate(df.columns):
        if name in ignored:
            continue
        if not isinstance(name, str):
            diagnostics.append(
                Diagnostic(
                    f"/columns/{j}",
                    f"column {name!r} is not a region key: columns are named by region key "
                    '("buttock_upper:left", "sacrum")',
                )
            )
            continue
        token = f"/columns/{_pointer_token(name)}"
        if name not in position:
            diagnostics.append(
                Diagnostic(token, f'unknown region key "{name}"{_suggest(name, keys)}')
            )
            continue
        if name in seen:
            diagnostics.append(Diagnostic(token, f'region key "{name}" is given twice'))
            continue
        seen[name] = j
        used.append((j, name, position[name]))
    if diagnostics:
        _raise("drawings are not valid: columns are read by region key", diagnostics)

    n = len(df.index)
    # Column by column into Fortran order (each column contiguous), then one
    # copy to the C order score_batch reads fastest.
    x = np.zeros((n, len(keys)), dtype=np.uint8, order="F")
    labels = df.index
    for j, name, k in used:
        column = df.iloc[:, j]
        if column.dtype.kind in "iu":  # plain integers: no missing value possible
            native = column.to_numpy()
            if native.size == 0 or (native.min() >= 0 and native.max() <= 10):
                x[:, k] = native
                continue
        values = _column_values(np, column, name)
        nan = np.isnan(values)
        if nan.any():
            if missing == "unmarked":
                values = np.where(nan, 0.0, values)
            else:
                for row in np.flatnonzero(nan)[: _MAX_DIAGNOSTICS + 1]:
                    diagnostics.append(
                        Diagnostic(
                            f"/{int(row)}/{_pointer_token(name)}",
                            f"missing value (row {labels[int(row)]!r}): give 0 for a region "
                            'not marked, or pass missing="unmarked"',
                        )
                    )
                continue
        bad = (values < 0) | (values > 10) | (values != np.floor(values))
        if bad.any():
            for row in np.flatnonzero(bad)[: _MAX_DIAGNOSTICS + 1]:
                diagnostics.append(
                    Diagnostic(
                        f"/{int(row)}/{_pointer_token(name)}",
                        f"{values[int(row)]!r} is out of range: expected an integer 0..10 "
                        "(pain now, 0 = none)",
                    )
                )
            continue
        x[:, k] = values.astype(np.uint8)
    if diagnostics:
        _raise("drawings are not valid", diagnostics)
    return np.ascontiguousarray(x)


def score_frame(kb: "KnowledgeBase", df: "pd.DataFrame", *, ignore: Iterable[str] = (),
                missing: str = "error", threads: int | None = None) -> "pd.DataFrame":
    """Scores every row of ``df`` (one drawing a row) against every candidate.

    Args:
        df: columns named by region key (``kb.region_keys()``), values
            intensities 0..10 of any numeric dtype (pandas' nullable ones
            included). A region key without a column is 0 (not marked).
        ignore: column names to skip (an id column, a date).
        missing: ``"error"`` (default): a missing cell (NaN, None,
            ``pandas.NA``) is an error; ``"unmarked"``: it is read as 0.
        threads: as for ``kb.score_batch``.

    Returns:
        A float32 frame with ``df``'s index and one column per candidate key
        (``kb.candidate_keys()``): row ``i`` equals ``kb.assess(drawing
        i).scores`` for the drawing with no findings.

    Raises:
        InputError: an unknown or repeated column (with a suggestion), a
            value outside 0..10 or not an integer, a missing value; each
            problem with its path (``/columns/NAME`` or ``/ROW/COLUMN``).
    """
    pd = _pandas()
    x = drawings_frame(kb, df, ignore=ignore, missing=missing)
    scores = kb.score_batch(x, threads=threads)
    return pd.DataFrame(scores, index=df.index.copy(), columns=pd.Index(kb.candidate_keys()))


#: The columns of assess_frame, in order.
ASSESS_COLUMNS = (
    "triage",
    "provisional",
    "pending",
    "red_flags",
    "top",
    "top_score",
    "top_tied",
    "tied_with_top",
    "candidates",
    "scores",
    "cover",
    "unexplained",
    "error",
)


def _row(doc: Mapping[str, Any], top: int) -> dict[str, Any]:
    triage = doc["triage"]
    candidates = doc["candidates"]
    best = candidates[0] if candidates else None
    if best is None:
        tied: list[str] = []
        top_tied: bool | None = False
    elif "tied" in best:
        tied = [c["key"] for c in candidates[1:] if c["tied"] and c["score"] == best["score"]]
        top_tied = bool(best["tied"])
    else:
        # The library's own "tied" flag is the same rule: exactly equal scores.
        tied = [c["key"] for c in candidates[1:] if c["score"] == best["score"]]
        top_tied = bool(tied)
    pending = triage.get("pending")
    return {
        "triage": triage["level"],
        "provisional": triage.get("provisional"),
        "pending": list(pending) if pending is not None else None,
        "red_flags": [f["id"] for f in triage.get("red_flags", [])],
        "top": best["key"] if best else None,
        "top_score": best["score"] if best else 0.0,
        "top_tied": top_tied,
        "tied_with_top": tied,
        "candidates": [c["key"] for c in candidates[:top]],
        "scores": [c["score"] for c in candidates[:top]],
        "cover": list(doc.get("cover", [])),
        "unexplained": list(doc.get("unexplained", [])),
        "error": None,
    }


def assess_frame(kb: "KnowledgeBase", intakes: Any, *, top: int = 3,
                 errors: str = "raise") -> "pd.DataFrame":
    """Assesses many intakes, one row each.

    Args:
        intakes: an iterable of intakes (dicts or JSON text); a pandas Series
            keeps its index. A DataFrame is not taken (use
            :func:`score_frame` for wide drawings, or a Series of dicts).
        top: how many candidates the ``candidates`` and ``scores`` columns
            list.
        errors: ``"raise"`` (default) raises the first bad intake's error
            (its message names the row); ``"record"`` puts the error's text
            in the ``error`` column and leaves the row's other columns empty.

    Columns: ``triage`` (level), ``provisional`` and ``pending`` (the red-flag
    questions this drawing calls for that were not answered; ``None`` where
    the library does not report them), ``red_flags`` (confirmed), ``top``,
    ``top_score``, ``top_tied`` (another candidate has exactly the top's
    score), ``tied_with_top`` (those candidates), ``candidates`` and
    ``scores`` (the first ``top``), ``cover``, ``unexplained``, ``error``.
    """
    pd = _pandas()
    if isinstance(intakes, pd.DataFrame):
        raise TypeError(
            "assess_frame takes intakes (a list or Series of dicts or JSON text); "
            "for a frame of drawings by region key use score_frame"
        )
    if isinstance(intakes, Mapping) or isinstance(intakes, (str, bytes)):
        raise TypeError("assess_frame takes many intakes: a list or Series of them")
    if errors not in ("raise", "record"):
        raise ValueError('errors must be "raise" or "record"')
    if top < 1:
        raise ValueError("top must be at least 1")
    index = intakes.index if isinstance(intakes, pd.Series) else None
    values = intakes.tolist() if isinstance(intakes, pd.Series) else intakes
    rows = []
    from .errors import Error

    for i, intake in enumerate(values):
        try:
            doc = kb.assess(intake).to_dict()
        except Error as e:
            if errors == "raise":
                label = index[i] if index is not None else i
                raise type(e)(f"intake {label!r}: {e.message}", e.code, e.diagnostics) from e
            row = {c: None for c in ASSESS_COLUMNS}
            row["error"] = str(e)
            rows.append(row)
            continue
        rows.append(_row(doc, top))
    frame = pd.DataFrame(rows, columns=list(ASSESS_COLUMNS), index=index)
    return frame
