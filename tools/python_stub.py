#!/usr/bin/env python3
"""The type stub's table-driven attributes, written from the schema tables.

Each knowledge-base record class of bindings/python/myoref/_core.pyi whose
attributes come from a field table of include/myoref/schema.hpp (Region,
Muscle, Exercise, ...) has a generated section between two marker lines:

    class Region:
        # --- generated from the schema table (tools/python_stub.py) ---
        @property
        def id(self) -> str: ...
        ...
        # --- end of generated ---
        @property
        def keys(self) -> list[str]: ...   <- written by hand
        def to_dict(self) -> dict[str, Any]: ...

The section holds one property per table field, in the table's order, typed
as the binding gives it: myoref._core._schema_fields() (the built module, on
PYTHONPATH) says {class: {field: type}}. What is not a field (reprs,
to_dict, Region.keys, Muscle.candidates, ...) stays by hand after the section.

    python_stub.py [STUB]            check: exit 1, naming each field whose
                                     line is missing, wrong or left over
    python_stub.py --write [STUB]    rewrite the sections
    MYOREF_UPDATE_GOLDEN=1 python_stub.py [STUB]   the same as --write

STUB defaults to the stub next to the sources (bindings/python/myoref/_core.pyi).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

BEGIN = "    # --- generated from the schema table (tools/python_stub.py) ---"
END = "    # --- end of generated ---"
DEFAULT_STUB = Path(__file__).resolve().parent.parent / "bindings/python/myoref/_core.pyi"
PROPERTY = re.compile(r"^    def (\w+)\(self\) -> (.+): \.\.\.$")
MEMBER = re.compile(r"^    def (\w+)\(")
REWRITE = "MYOREF_UPDATE_GOLDEN=1 ctest -R 'python: stub' (or tools/python_stub.py --write)"


def section(fields: dict[str, str]) -> list[str]:
    """The generated lines of a class with these {field: type}."""
    lines = [BEGIN]
    for name, type_ in fields.items():
        lines += ["    @property", f"    def {name}(self) -> {type_}: ..."]
    return lines + [END]


def class_block(lines: list[str], name: str) -> tuple[int, int] | None:
    """[start, end) of `class name:` and its body, or None."""
    header = f"class {name}:"
    for start, line in enumerate(lines):
        if line.rstrip() == header:
            end = start + 1
            while end < len(lines) and (not lines[end].strip() or lines[end].startswith(" ")):
                end += 1
            while end > start + 1 and not lines[end - 1].strip():
                end -= 1
            return start, end
    return None


def generated(stub: str, tables: dict[str, dict[str, str]]) -> tuple[str, list[str], list[str]]:
    """The stub with each class's section written from `tables`; what differs
    in the stub as it is (empty when nothing does); and, of that, what
    rewriting cannot mend (a class or section missing, a field by hand)."""
    lines = stub.split("\n")
    problems: list[str] = []
    blocking: list[str] = []
    for cls, fields in tables.items():
        block = class_block(lines, cls)
        if block is None:
            blocking.append(f"{cls}: no `class {cls}:` in the stub")
            continue
        start, end = block
        before = len(problems) + len(blocking)
        body = lines[start + 1 : end]
        if body.count(BEGIN) != 1 or body.count(END) != 1 or body.index(BEGIN) > body.index(END):
            blocking.append(
                f"{cls}: no generated section (one line {BEGIN.strip()!r} and, after it, "
                f"one line {END.strip()!r})"
            )
            continue
        b, e = body.index(BEGIN), body.index(END)
        old = body[b + 1 : e]
        written = {}
        for line in old:
            match = PROPERTY.match(line)
            if match:
                written[match.group(1)] = match.group(2)
        for name, type_ in fields.items():
            if name not in written:
                problems.append(
                    f"{cls}.{name}: a table field with no stub line (the binding gives {type_})"
                )
            elif written[name] != type_:
                problems.append(
                    f"{cls}.{name}: the stub says {written[name]}, the binding gives {type_}"
                )
        for name in written:
            if name not in fields:
                problems.append(f"{cls}.{name}: in the generated section but not a table field")
        for line in body[:b] + body[e + 1 :]:
            match = MEMBER.match(line)
            if match and match.group(1) in fields:
                blocking.append(f"{cls}.{match.group(1)}: a table field written by hand too")
        new = section(fields)
        if len(problems) + len(blocking) == before and body[b : e + 1] != new:
            problems.append(f"{cls}: the generated section's order or layout differs")
        lines[start + 1 : end] = body[:b] + new + body[e + 1 :]
    return "\n".join(lines), blocking + problems, blocking


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("stub", nargs="?", type=Path, default=DEFAULT_STUB)
    parser.add_argument("--write", action="store_true", help="rewrite the generated sections")
    args = parser.parse_args(argv)
    write = args.write or os.environ.get("MYOREF_UPDATE_GOLDEN") == "1"

    from myoref import _core  # the built module, from PYTHONPATH

    tables = _core._schema_fields()
    stub = args.stub.read_text(encoding="utf-8")
    text, problems, blocking = generated(stub, tables)
    if write:
        if blocking:
            print(f"{args.stub}: cannot rewrite it:", file=sys.stderr)
            print("\n".join("  " + p for p in blocking), file=sys.stderr)
            return 1
        if text != stub:
            args.stub.write_text(text, encoding="utf-8")
            print(f"{args.stub}: rewrote the generated sections")
        return 0
    if problems:
        print(f"{args.stub} differs from the schema tables:", file=sys.stderr)
        print("\n".join("  " + p for p in problems), file=sys.stderr)
        print(f"To rewrite it: {REWRITE}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
