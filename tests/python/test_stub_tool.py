"""tools/python_stub.py: the stub's table-driven attributes, from the tables.

The tool is run on doctored copies of the stub (never on the source tree's),
and the types it writes are checked against the values the binding gives.
"""

from __future__ import annotations

import importlib.util
import os
import pathlib
import subprocess
import sys

import pytest

import myoref
from myoref import _core

ROOT = pathlib.Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "python_stub.py"
STUB = ROOT / "bindings" / "python" / "myoref" / "_core.pyi"


def load_tool():
    spec = importlib.util.spec_from_file_location("python_stub", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = load_tool()


def run(stub, *args, update=False):
    """The tool on `stub` in a child process: (exit code, stderr)."""
    env = {k: v for k, v in os.environ.items() if k != "MYOREF_UPDATE_GOLDEN"}
    if update:
        env["MYOREF_UPDATE_GOLDEN"] = "1"
    done = subprocess.run([sys.executable, str(TOOL), *args, str(stub)], env=env,
                          capture_output=True, text=True, check=False)
    return done.returncode, done.stderr


@pytest.fixture
def copy(tmp_path):
    path = tmp_path / "_core.pyi"
    path.write_text(STUB.read_text(encoding="utf-8"), encoding="utf-8")
    return path


#: Region's last generated line (its "what") and what follows, with and without it.
REGION_WHAT = ("    @property\n    def what(self) -> str: ...\n    # --- end of generated ---\n"
               "    @property\n    def keys")
REGION_WITHOUT_WHAT = "    # --- end of generated ---\n    @property\n    def keys"


def doctor(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_committed_stub_is_what_the_tables_give():
    text = STUB.read_text(encoding="utf-8")
    new, problems, _ = tool.generated(text, _core._schema_fields())
    assert problems == []
    assert new == text


def test_a_missing_field_line_fails_the_check_naming_it(copy):
    doctor(copy, REGION_WHAT, REGION_WITHOUT_WHAT)
    code, err = run(copy)
    assert code == 1
    assert "Region.what: a table field with no stub line (the binding gives str)" in err
    assert "MYOREF_UPDATE_GOLDEN=1" in err


def test_a_wrong_type_fails_the_check_naming_it(copy):
    doctor(copy, "    def weight(self) -> float: ...", "    def weight(self) -> int: ...")
    code, err = run(copy)
    assert code == 1
    assert "FindingWeight.weight: the stub says int, the binding gives float" in err


def test_a_line_of_no_field_and_a_reordering_fail_the_check(copy):
    doctor(copy, "    def frequency(self) -> str: ...\n",
           "    def frequency(self) -> str: ...\n    @property\n    def gone(self) -> str: ...\n")
    code, err = run(copy)
    assert code == 1
    assert "Dose.gone: in the generated section but not a table field" in err
    doctor(copy, "    @property\n    def gone(self) -> str: ...\n", "")
    doctor(copy, "    def key(self) -> str: ...\n    @property\n    def text(self) -> str: ...\n",
           "    def text(self) -> str: ...\n    @property\n    def key(self) -> str: ...\n")
    code, err = run(copy)
    assert code == 1
    assert "Citation: the generated section's order or layout differs" in err


@pytest.mark.parametrize("how", ["--write", "MYOREF_UPDATE_GOLDEN"])
def test_rewriting_mends_a_doctored_copy(copy, how):
    doctor(copy, "    def weight(self) -> float: ...", "    def weight(self) -> int: ...")
    doctor(copy, REGION_WHAT, REGION_WITHOUT_WHAT)
    args = ["--write"] if how == "--write" else []
    code, err = run(copy, *args, update=how != "--write")
    assert code == 0, err
    assert copy.read_text(encoding="utf-8") == STUB.read_text(encoding="utf-8")
    assert run(copy) == (0, "")


def test_what_rewriting_cannot_mend_is_refused(copy):
    # A field written by hand outside the section, and a class without one.
    doctor(copy, "    def keys(self) -> list[str]: ...", "    def view(self) -> list[str]: ...")
    doctor(copy, "class Statement:\n" + tool.BEGIN + "\n", "class Statement:\n")
    before = copy.read_text(encoding="utf-8")
    code, err = run(copy, "--write")
    assert code == 1
    assert "Region.view: a table field written by hand too" in err
    assert "Statement: no generated section" in err
    assert copy.read_text(encoding="utf-8") == before


def test_a_new_table_field_gets_its_line():
    # As when a line is added to a table: the check names it, a rewrite adds it
    # at its place, after the fields before it, before the hand-written part.
    tables = _core._schema_fields()
    tables["Finding"] = {**tables["Finding"], "since": "int | None"}
    text = STUB.read_text(encoding="utf-8")
    new, problems, blocking = tool.generated(text, tables)
    assert problems == [
        "Finding.since: a table field with no stub line (the binding gives int | None)"]
    assert blocking == []
    assert ("    def what(self) -> str: ...\n    @property\n"
            "    def since(self) -> int | None: ...\n"
            "    # --- end of generated ---\n    def to_dict") in new
    assert tool.generated(new, tables)[1] == []


# --- The types are the binding's --------------------------------------------------


def conforms(value, type_):
    """Whether `value` is of the stub type `type_` (the forms the tool writes)."""
    if type_.endswith(" | None"):
        return value is None or conforms(value, type_[: -len(" | None")])
    if type_.startswith("list[") and type_.endswith("]"):
        return isinstance(value, list) and all(conforms(v, type_[5:-1]) for v in value)
    if type_.startswith("dict[str, ") and type_.endswith("]"):
        return isinstance(value, dict) and all(
            isinstance(k, str) and conforms(v, type_[10:-1]) for k, v in value.items())
    if type_ == "int":
        return type(value) is int
    if type_ in ("str", "bool", "float"):
        return type(value) is {"str": str, "bool": bool, "float": float}[type_]
    return type(value) is getattr(myoref, type_)


@pytest.mark.parametrize("make", ["default", "minimal"])
def test_every_attribute_value_has_its_stub_type(kb, minimal_kb, make):
    base = kb if make == "default" else minimal_kb
    tables = _core._schema_fields()
    seen, set_ = set(), set()
    todo = [base.age_rule]
    for catalog in (base.regions, base.findings, base.red_flags, base.precautions, base.screens,
                    base.triage_rules, base.lookalikes, base.muscles, base.exercises,
                    base.citations):
        todo += list(catalog)
    while todo:
        record = todo.pop()
        name = type(record).__name__
        seen.add(name)
        for field, type_ in tables[name].items():
            value = getattr(record, field)
            assert conforms(value, type_), (name, field, type_, value)
            if value is not None and value != []:
                set_.add((name, field))
            items = value if isinstance(value, list) else [value]
            # Nested records (a muscle's or an exercise's are in the catalogs).
            todo += [v for v in items if type(v).__name__ in tables
                     and type(v).__name__ not in ("Muscle", "Exercise")]
    if make == "default":
        assert seen == set(tables)
        # Each type was checked on a value, not only on None or [].
        unset = {(c, f) for c, fields in tables.items() for f in fields} - set_
        assert all(tables[c][f].endswith(" | None") or tables[c][f].startswith("list[")
                   for c, f in unset), unset
