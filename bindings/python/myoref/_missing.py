"""Missing values (NaN, None, pandas.NA) in an intake given as a dict.

pandas hands over NaN or ``pandas.NA`` where a cell is empty. JSON has no NaN,
so such a value used to fail with "Out of range float values are not JSON
compliant" and no place. Here, before the intake is written as JSON for the
library: a NaN or ``pandas.NA`` in an optional top-level field (the contract's
``age``, ``duration_days``, ``onset``, ``sex``) means "not given" and the field
is dropped; anywhere else it is an error with its JSON path. ``None`` is
JSON's ``null`` and is left for the library to judge, as in JSON text.
"""

from __future__ import annotations

import math
from typing import Any, Mapping

from .errors import Diagnostic, InputError

__all__ = ["intake_without_missing", "is_missing", "OPTIONAL_FIELDS"]

#: Top-level intake fields that may be left out (the contract's optional ones).
OPTIONAL_FIELDS = frozenset({"age", "duration_days", "onset", "sex"})


def is_missing(value: Any) -> bool:
    """True for ``None``, a float NaN (Python or numpy), ``pandas.NA`` and
    ``pandas.NaT``."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    kind = type(value)
    if kind.__name__ in ("NAType", "NaTType") and kind.__module__.startswith("pandas"):
        return True
    if kind.__module__ == "numpy" and kind.__name__.startswith("float"):
        return bool(value != value)
    return False


def _token(key: Any) -> str:
    return str(key).replace("~", "~0").replace("/", "~1")


def _find(value: Any, path: str, found: list[Diagnostic]) -> None:
    if isinstance(value, Mapping):
        for k, v in value.items():
            _find(v, f"{path}/{_token(k)}", found)
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            _find(v, f"{path}/{i}", found)
    elif value is not None and is_missing(value):
        found.append(
            Diagnostic(
                path,
                f"a missing value ({value!r}) where a value is required: give the value, "
                "or leave the entry out",
            )
        )


def intake_without_missing(intake: Mapping[str, Any]) -> dict[str, Any]:
    """``intake`` with optional fields that hold NaN or ``pandas.NA`` left out;
    raises ``InputError`` (with every path) for a NaN or ``pandas.NA`` found
    anywhere else. ``None`` elsewhere is left for the library to report."""
    out: dict[str, Any] = {}
    found: list[Diagnostic] = []
    for key, value in intake.items():
        # None is JSON's null, which the library judges (and refuses) itself,
        # so that a dict and its JSON text are read alike; NaN and pandas.NA
        # have no JSON form and are pandas' "no value".
        if key in OPTIONAL_FIELDS and value is not None and is_missing(value):
            continue
        _find(value, f"/{_token(key)}", found)
        out[key] = value
    if found:
        raise InputError("intake is not valid", None, found)
    return out
