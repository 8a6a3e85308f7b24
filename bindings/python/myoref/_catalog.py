"""Catalog: a knowledge base's records of one kind, in knowledge-base order,
looked up by position or by id."""

from __future__ import annotations

from typing import Any, Callable, Generic, Iterator, Sequence, TypeVar, overload

from .errors import NotFound

__all__ = ["Catalog"]

T = TypeVar("T")


class Catalog(Sequence[T], Generic[T]):
    """The records of one kind (muscles, regions, findings, ...) of a knowledge
    base, in knowledge-base order.

    A sequence (``len``, iteration, ``catalog[0]``, slices) that can also be
    indexed by id: ``kb.muscles["gluteus_medius"]`` (for muscles an alias works
    too: ``kb.muscles["psoas"]``). An unknown id raises :class:`myoref.NotFound`
    (a ``KeyError``), with the closest known id suggested where there is one.
    """

    __slots__ = ("_kind", "_items", "_lookup")

    def __init__(self, kind: str, items: Sequence[T], lookup: Callable[[str], T]) -> None:
        self._kind = kind
        self._items = tuple(items)
        self._lookup = lookup

    @overload
    def __getitem__(self, key: int) -> T: ...
    @overload
    def __getitem__(self, key: str) -> T: ...
    @overload
    def __getitem__(self, key: slice) -> tuple[T, ...]: ...
    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return self._lookup(key)
        return self._items[key]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            try:
                self._lookup(key)
            except NotFound:
                return False
            return True
        return key in self._items

    def get(self, key: str, default: Any = None) -> Any:
        """The record for ``key``, or ``default`` when there is none."""
        try:
            return self._lookup(key)
        except NotFound:
            return default

    def ids(self) -> list[str]:
        """Every record's id (for citations, its key), in order."""
        return [getattr(item, "id", None) or getattr(item, "key") for item in self._items]

    def __repr__(self) -> str:
        ids = self.ids()
        shown = ", ".join(ids[:6]) + (", ..." if len(ids) > 6 else "")
        return f"<{len(ids)} {self._kind}: {shown}>"
