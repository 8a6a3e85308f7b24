"""The exceptions myoref raises.

Every failure of the library reaches Python as a subclass of :class:`Error`,
one per ``myoref::ErrorCode`` of the C++ API, so a caller can catch exactly
what it can handle::

    try:
        assessment = kb.assess(intake)
    except myoref.InputError as e:     # bad intake: show every problem
        for d in e.diagnostics:
            print(d.path, d.message)

Each error carries ``code`` (the library's stable lower-case name, e.g.
``"invalid_input"``), ``message`` (a one-line summary) and ``diagnostics``
(every problem found, each with the JSON pointer of where it was found).
``str(error)`` is the summary followed by one ``path: message`` line per
diagnostic.

The hierarchy::

    Error
    +-- InputError (also a ValueError)     invalid_input: breaks the schema or a rule
    |   +-- ParseError                     parse: not well-formed JSON
    |   +-- LimitError                     limit_exceeded: larger than the limits
    |   +-- InvalidArgument                invalid_argument: an argument out of range
    +-- SafetyRefusal                      safety_refusal: refused by a safety rule
    +-- KnowledgeBaseMismatch              kb_mismatch: made with another knowledge base
    +-- IntegrityError                     integrity: a document's check fails
    +-- UnsupportedVersion                 unsupported_version: a newer format
    +-- NotFound (also a KeyError)         not_found: no such id or key
    +-- OutOfMemory (also a MemoryError)   out_of_memory
    +-- InternalError                      internal: a bug in myoref; please report it
"""

from __future__ import annotations

from typing import Iterable, NamedTuple

__all__ = [
    "Diagnostic",
    "Error",
    "InputError",
    "ParseError",
    "LimitError",
    "InvalidArgument",
    "SafetyRefusal",
    "KnowledgeBaseMismatch",
    "IntegrityError",
    "UnsupportedVersion",
    "NotFound",
    "OutOfMemory",
    "InternalError",
    "error_class",
]


class Diagnostic(NamedTuple):
    """One problem, and where it was found.

    ``path`` is a JSON pointer (RFC 6901) into the document that was read,
    e.g. ``"/pain/2/intensity"``; it is ``""`` when the problem has no place.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class Error(Exception):
    """Base class of every error myoref raises.

    Attributes:
        message: the one-line summary.
        code: the library's name for the kind of failure (``"invalid_input"``).
        diagnostics: every problem found, in document order.
    """

    #: The ``myoref::ErrorCode`` name this class stands for.
    default_code = "internal"

    def __init__(
        self,
        message: str,
        code: str | None = None,
        diagnostics: Iterable[Diagnostic | tuple[str, str]] = (),
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code if code is not None else self.default_code
        self.diagnostics = [Diagnostic(*d) for d in diagnostics]

    @property
    def path(self) -> str:
        """The JSON pointer of the first diagnostic, or ``""`` when there is none."""
        return self.diagnostics[0].path if self.diagnostics else ""

    def __str__(self) -> str:
        lines = [self.message]
        lines.extend(f"  {d}" for d in self.diagnostics)
        return "\n".join(lines)

    def __repr__(self) -> str:
        extra = f", {len(self.diagnostics)} diagnostics" if self.diagnostics else ""
        return f"{type(self).__name__}({self.message!r}, code={self.code!r}{extra})"

    def __reduce__(self):
        return (type(self), (self.message, self.code, list(self.diagnostics)))


class InputError(Error, ValueError):
    """The input breaks the schema or a rule (an intake, a session, a plan
    document, a knowledge base, or an array given to ``score_batch``)."""

    default_code = "invalid_input"


class ParseError(InputError):
    """The text is not well-formed JSON (the diagnostic gives line and column)."""

    default_code = "parse"


class LimitError(InputError):
    """The input is larger or deeper than the documented limits."""

    default_code = "limit_exceeded"


class InvalidArgument(InputError):
    """An argument the API does not accept (an option out of range, a colour
    that is not ``#rrggbb``, a negative thread count)."""

    default_code = "invalid_argument"


class SafetyRefusal(Error):
    """Refused by a safety rule: for example a plan at urgent or emergency
    triage, or a session logged on a plan that stopped for a red flag."""

    default_code = "safety_refusal"


class KnowledgeBaseMismatch(Error):
    """A document (assessment, plan) made with another knowledge base."""

    default_code = "kb_mismatch"


class IntegrityError(Error):
    """A plan document whose integrity check fails (it was edited by hand)."""

    default_code = "integrity"


class UnsupportedVersion(Error):
    """A document format newer than this library knows."""

    default_code = "unsupported_version"


class NotFound(Error, KeyError):
    """An id, alias or key the knowledge base does not have."""

    default_code = "not_found"

    # KeyError quotes its argument in str(); keep the readable form.
    __str__ = Error.__str__


class OutOfMemory(Error, MemoryError):
    """The library ran out of memory."""

    default_code = "out_of_memory"


class InternalError(Error):
    """A bug in myoref; please report it with the message."""

    default_code = "internal"


_BY_CODE = {
    cls.default_code: cls
    for cls in (
        InputError,
        ParseError,
        LimitError,
        InvalidArgument,
        SafetyRefusal,
        KnowledgeBaseMismatch,
        IntegrityError,
        UnsupportedVersion,
        NotFound,
        OutOfMemory,
        InternalError,
    )
}


def error_class(code: str) -> type[Error]:
    """The exception class for a ``myoref::ErrorCode`` name (``InternalError``
    for a name this version does not know)."""
    return _BY_CODE.get(code, InternalError)
