"""The package's surface: exports, the .pyi stub, docstrings, reprs."""

from __future__ import annotations

import ast
import inspect
import pathlib

import pytest

import myoref
from myoref import _core

PACKAGE = pathlib.Path(myoref.__file__).parent
STUB = PACKAGE / "_core.pyi"

PUBLIC_CLASSES = [name for name in myoref.__all__
                  if isinstance(getattr(myoref, name), type)
                  and getattr(myoref, name).__module__ == "myoref"
                  and hasattr(_core, name)]


def stub_tree():
    return ast.parse(STUB.read_text(encoding="utf-8"))


def public_members(cls):
    return {name for name in vars(cls)
            if not name.startswith("_") or name in ("_repr_svg_",)}


def test_package_files_are_installed():
    assert STUB.is_file()
    assert (PACKAGE / "py.typed").is_file()


def test_everything_in_all_exists():
    for name in myoref.__all__:
        assert hasattr(myoref, name), name


def test_classes_present_as_members_of_the_package():
    assert myoref.KnowledgeBase.__module__ == "myoref"
    assert repr(myoref.Plan) == "<class 'myoref.Plan'>"


def test_stub_lists_every_class_and_member():
    tree = stub_tree()
    stub_classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    stub_functions = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    compiled = [name for name in dir(_core) if not name.startswith("_")]
    for name in compiled:
        obj = getattr(_core, name)
        if isinstance(obj, type):
            assert name in stub_classes, f"class {name} is missing from _core.pyi"
            members = {n.name for n in stub_classes[name].body
                       if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
            missing = public_members(obj) - members
            assert not missing, f"{name}: {sorted(missing)} missing from _core.pyi"
            extra = {m for m in members if not m.startswith("__")} - public_members(obj)
            assert not extra, f"{name}: {sorted(extra)} in _core.pyi but not in the module"
        else:
            assert name in stub_functions, f"function {name} is missing from _core.pyi"
    assert set(stub_classes) <= set(compiled)


def test_everything_public_has_a_docstring():
    undocumented = []
    for name in PUBLIC_CLASSES + ["Catalog", "SVG", "HTML"]:
        cls = getattr(myoref, name)
        if not (cls.__doc__ or "").strip():
            undocumented.append(name)
        for member, value in vars(cls).items():
            if member.startswith("_"):
                continue
            doc = getattr(value, "__doc__", None)
            if isinstance(value, property):
                doc = value.fget.__doc__ if value.__doc__ is None else value.__doc__
            if not (doc or "").strip():
                undocumented.append(f"{name}.{member}")
    for name in myoref.__all__:
        obj = getattr(myoref, name)
        if callable(obj) and not isinstance(obj, type) and not (obj.__doc__ or "").strip():
            undocumented.append(name)
    assert not undocumented, undocumented


def test_reprs_are_readable(kb, assessment):
    plan = assessment.start_plan()
    objects = [kb, kb.muscles, kb.muscles[0], kb.regions[0], kb.findings[0], kb.red_flags[0],
               kb.citations[0], kb.exercises[0], kb.exercises[0].dose, kb.age_rule,
               kb.muscles[0].trigger_points[0], kb.muscles[0].findings[0],
               kb.muscles[0].summary, kb.muscles[0].layer, kb.muscles[0].attachments,
               assessment, assessment.triage, assessment.top, plan, plan.next_step(),
               plan.next_step().steps[0], plan.next_step().steps[0].exercises[0],
               plan.candidates[0]]
    for obj in objects:
        text = repr(obj)
        assert text.startswith("<") and text.endswith(">"), text
        assert " object at 0x" not in text, text
        assert len(text) < 400, text
