"""Pictures and pages as strings that Jupyter displays, and the JSON fallback
used when a Python value is written as JSON for the library."""

from __future__ import annotations

import os
from typing import Any, Mapping

__all__ = ["SVG", "HTML", "json_default"]


class SVG(str):
    """An SVG document: a ``str`` in every respect, shown as a picture by
    Jupyter (``_repr_svg_``).

    >>> picture = kb.muscles["gluteus_medius"].render()
    >>> picture.save("gluteus_medius.svg")
    """

    __slots__ = ()

    def _repr_svg_(self) -> str:
        return str(self)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the document to ``path`` (UTF-8)."""
        with open(path, "w", encoding="utf-8") as f:
            f.write(self)

    def __repr__(self) -> str:
        return f"<SVG, {len(self)} characters>"


class HTML(str):
    """A self-contained HTML page: a ``str`` in every respect, shown inline by
    Jupyter (``_repr_html_``)."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return str(self)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the page to ``path`` (UTF-8)."""
        with open(path, "w", encoding="utf-8") as f:
            f.write(self)

    def __repr__(self) -> str:
        return f"<HTML, {len(self)} characters>"


def json_default(value: Any) -> Any:
    """``json.dumps(default=...)`` for values that notebooks hand over:
    numpy scalars and arrays (``tolist()``) and other mappings."""
    tolist = getattr(value, "tolist", None)
    if callable(tolist):
        return tolist()
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"a value of type {type(value).__name__} has no JSON form")
