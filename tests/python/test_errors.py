"""The exception hierarchy."""

from __future__ import annotations

import pickle

import pytest

import myoref
from myoref import errors


def test_hierarchy():
    assert issubclass(myoref.InputError, myoref.Error)
    assert issubclass(myoref.InputError, ValueError)
    for cls in (myoref.ParseError, myoref.LimitError, myoref.InvalidArgument):
        assert issubclass(cls, myoref.InputError)
    for cls in (myoref.SafetyRefusal, myoref.KnowledgeBaseMismatch, myoref.IntegrityError,
                myoref.UnsupportedVersion, myoref.NotFound, myoref.OutOfMemory,
                myoref.InternalError):
        assert issubclass(cls, myoref.Error)
        assert not issubclass(cls, myoref.InputError)
    assert issubclass(myoref.NotFound, KeyError)
    assert issubclass(myoref.OutOfMemory, MemoryError)
    assert not issubclass(myoref.Error, RuntimeError)


@pytest.mark.parametrize("code, cls", [
    ("invalid_argument", myoref.InvalidArgument), ("parse", myoref.ParseError),
    ("invalid_input", myoref.InputError), ("limit_exceeded", myoref.LimitError),
    ("safety_refusal", myoref.SafetyRefusal), ("kb_mismatch", myoref.KnowledgeBaseMismatch),
    ("integrity", myoref.IntegrityError), ("unsupported_version", myoref.UnsupportedVersion),
    ("not_found", myoref.NotFound), ("out_of_memory", myoref.OutOfMemory),
    ("internal", myoref.InternalError), ("a_code_from_the_future", myoref.InternalError)])
def test_every_error_code_has_a_class(code, cls):
    assert errors.error_class(code) is cls
    if code != "a_code_from_the_future":
        assert cls.default_code == code


def test_error_attributes_and_text():
    e = myoref.InputError("intake is not valid: 2 problems", "invalid_input",
                          [("/pain/0/intensity", "out of range"), ("", "no place")])
    assert e.message == "intake is not valid: 2 problems"
    assert e.code == "invalid_input"
    assert e.path == "/pain/0/intensity"
    assert e.diagnostics[0] == myoref.Diagnostic("/pain/0/intensity", "out of range")
    assert e.diagnostics[0].path == "/pain/0/intensity"
    assert str(e) == ("intake is not valid: 2 problems\n"
                      "  /pain/0/intensity: out of range\n"
                      "  no place")
    assert repr(e) == ("InputError('intake is not valid: 2 problems', code='invalid_input', "
                       "2 diagnostics)")
    assert myoref.Error("x").path == ""
    assert myoref.NotFound("no muscle").code == "not_found"
    assert str(myoref.NotFound("no muscle")) == "no muscle"  # not KeyError's quoted form


def test_errors_from_the_library_pickle(kb):
    with pytest.raises(myoref.InputError) as info:
        kb.assess({"pain": [{"region": "sacrum", "intensity": 12}]})
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is myoref.InputError
    assert again.message == info.value.message and again.code == info.value.code
    assert again.diagnostics == info.value.diagnostics
    assert str(again) == str(info.value)


def test_type_errors_are_type_errors_not_runtime_errors(kb, assessment):
    """pybind11 would report a failed conversion as RuntimeError; myoref never does."""
    calls = [
        lambda: kb.muscle(3),
        lambda: kb.assess(3.5),
        lambda: myoref.Plan.start(kb, assessment, release_trials="three"),
        lambda: myoref.render_muscle(kb, "gluteus_medius", width=1.5),
        lambda: assessment.render(top_n="3"),
        lambda: myoref.Assessment.from_json("kb", assessment.to_json()),
        lambda: myoref.Plan.from_json(None, "{}"),
    ]
    for call in calls:
        with pytest.raises(TypeError):
            call()
