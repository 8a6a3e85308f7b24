"""KnowledgeBase.assess / triage / validate_intake and the Assessment classes."""

from __future__ import annotations

import copy
import json
import pickle
import random
from collections import OrderedDict

import numpy as np
import pytest

import myoref
from conftest import EMERGENCY, GLUTEUS_MEDIUS, SEE_CLINICIAN, coarse_part_columns

CANDIDATE_FIELDS = {"key", "muscle", "side", "name", "score", "tied", "explained", "unexplained",
                    "findings_for", "findings_against", "basis"}


def check_contract_shape(doc: dict, kb: myoref.KnowledgeBase) -> None:
    """The Assessment shape of docs/contract.md, as plain Python types."""
    assert {"triage", "candidates", "cover", "unexplained", "intake", "kb",
            "library_version"} <= set(doc)
    assert doc["triage"]["level"] in ("self_care", "see_clinician", "urgent", "emergency")
    for flag in doc["triage"]["red_flags"]:
        assert {"id", "level", "advice"} <= set(flag)
    scores = [c["score"] for c in doc["candidates"]]
    assert scores == sorted(scores, reverse=True)
    for c in doc["candidates"]:
        assert CANDIDATE_FIELDS <= set(c)
        assert type(c["score"]) is float and 0.0 <= c["score"] <= 1.0
        assert c["tied"] is (sum(o["score"] == c["score"] for o in doc["candidates"]) > 1)
        assert c["side"] in ("left", "right", None)
        assert c["key"] in kb.candidate_keys()
        for name in ("explained", "unexplained", "findings_for", "findings_against", "basis"):
            assert isinstance(c[name], list) and all(type(s) is str for s in c[name])
    assert doc["kb"] == {"id": kb.id, "version": kb.version, "hash": kb.hash}
    assert doc["library_version"] == myoref.__version__


def test_assess_dict_gives_the_contract_shape(kb, assessment):
    doc = assessment.to_dict()
    check_contract_shape(doc, kb)
    assert doc == json.loads(assessment.to_json())
    assert doc == json.loads(assessment.to_json(pretty=True))
    assert "\n" in assessment.to_json(pretty=True) and "\n" not in assessment.to_json()


def test_assess_accepts_dict_json_text_bytes_and_mappings(kb, intake):
    expected = kb.assess(intake).to_json()
    assert kb.assess(json.dumps(intake)).to_json() == expected
    assert kb.assess(json.dumps(intake).encode()).to_json() == expected
    assert kb.assess(OrderedDict(intake)).to_json() == expected
    numpy_values = copy.deepcopy(intake)
    numpy_values["age"] = np.int64(42)
    numpy_values["pain"][0]["intensity"] = np.uint8(6)
    assert kb.assess(numpy_values).to_json() == expected
    with pytest.raises(TypeError, match="an intake is a dict or JSON text"):
        kb.assess([intake])
    with pytest.raises(TypeError):
        kb.assess(None)


def test_same_intake_gives_byte_identical_output(kb, intake):
    shuffled = copy.deepcopy(intake)
    shuffled["pain"].reverse()
    shuffled["findings"].reverse()
    shuffled = dict(reversed(list(shuffled.items())))
    assert kb.assess(shuffled).to_json() == kb.assess(intake).to_json()
    assert kb.assess(shuffled) == kb.assess(intake)


def test_typed_access_agrees_with_the_dict(kb, assessment):
    doc = assessment.to_dict()
    candidates = assessment.candidates
    assert len(candidates) == len(doc["candidates"]) > 0
    for rank, (c, d) in enumerate(zip(candidates, doc["candidates"])):
        assert c.rank == rank
        assert c.key == d["key"] and c.side == d["side"] and c.name == d["name"]
        assert c.muscle.id == d["muscle"] and isinstance(c.muscle, myoref.Muscle)
        assert c.score == pytest.approx(d["score"], abs=1e-6)
        assert c.tied is d["tied"]
        assert c.explained == d["explained"] and c.unexplained == d["unexplained"]
        assert c.findings_for == d["findings_for"]
        assert c.findings_against == d["findings_against"]
        assert c.basis == d["basis"]
        assert set(c.parts) == {"explained_share", "essential_coverage", "drawing_fit",
                                "findings_evidence"}
        assert c.to_dict() == d
    assert assessment.top.key == candidates[0].key
    assert assessment.cover == doc["cover"]
    assert assessment.unexplained == doc["unexplained"]
    assert assessment.intake == doc["intake"]
    assert assessment.triage.level == doc["triage"]["level"]
    assert assessment.painful == sorted(assessment.painful, key=kb.region_keys().index)
    assert assessment.kb is not None and assessment.kb == kb


def test_gluteus_medius_drawing_ranks_gluteus_medius_high(assessment):
    keys = [c.key for c in assessment.candidates[:3]]
    assert "gluteus_medius:left" in keys
    top = assessment.candidates[keys.index("gluteus_medius:left")]
    assert "walking" in top.findings_for
    assert any("[" in reason for reason in top.basis)  # reasons carry citation keys
    assert repr(top).startswith(f"<RankedCandidate #{top.rank + 1} gluteus_medius:left ")


def test_scores_array(kb, assessment):
    scores = assessment.scores
    assert scores.dtype == np.float32 and scores.shape == (len(kb.candidate_keys()),)
    keys = kb.candidate_keys()
    for c in assessment.candidates:
        assert scores[keys.index(c.key)] == pytest.approx(c.score)
        assert assessment.score(c.key) == pytest.approx(c.score)
    with pytest.raises(myoref.NotFound):
        assessment.score("no_such:left")


def test_assessment_repr_and_text(assessment):
    text = repr(assessment)
    assert text.startswith("<Assessment triage=self_care, ")
    assert assessment.top.key in text
    assert str(assessment) == assessment.to_text()
    assert "not a diagnosis" in assessment.to_text()


def test_canonical_intake_is_echoed(kb, intake):
    a = kb.assess(intake)
    echoed = a.intake
    assert echoed["age"] == 42 and echoed["onset"] == "gradual"
    assert kb.validate_intake(intake) == echoed
    assert kb.assess(echoed) == a
    minimal = kb.validate_intake({"pain": [{"region": "sacrum", "intensity": 2}]})
    assert "age" not in minimal and minimal["pain"] == [{"region": "sacrum", "intensity": 2}]


def test_triage_on_its_own(kb):
    t = kb.triage(EMERGENCY)
    assert t.level == "emergency"
    assert [f.id for f in t.red_flags] == ["saddle_numbness"]
    assert t.red_flags[0] == kb.red_flags["saddle_numbness"]
    assert t.advice and not t.self_care
    assert repr(t) == "<Triage emergency red_flags=['saddle_numbness']>"
    t = kb.triage(GLUTEUS_MEDIUS)
    assert t.level == "self_care" and t.self_care and t.red_flags == []
    assert t.age_rule == "not_applicable" and not t.age_rule_raises


def test_age_rule_raises_the_level(kb):
    t = kb.triage({"pain": [{"region": "sacrum", "intensity": 4}], "age": 70,
                   "duration_days": 10})
    assert t.level == "see_clinician" and t.age_rule == "applies" and t.age_rule_raises
    t = kb.triage({"pain": [{"region": "sacrum", "intensity": 4}]})
    assert t.age_rule == "age_unknown"


def test_red_flags_come_first(kb):
    a = kb.assess(EMERGENCY)
    assert a.triage.level == "emergency"
    doc = a.to_dict()
    assert doc["triage"]["red_flags"][0]["id"] == "saddle_numbness"
    assert doc["triage"]["red_flags"][0]["level"] == "emergency"


def test_unexplained_regions(kb):
    # No muscle of the default knowledge base refers pain to the armpit.
    a = kb.assess({"pain": [{"region": "armpit", "side": "left", "intensity": 5},
                            {"region": "buttock_upper", "side": "left", "intensity": 5}]})
    assert "armpit:left" in a.unexplained
    assert "armpit:left" in a.painful


def test_drawing_with_no_pain_now_has_no_candidates(kb):
    a = kb.assess({"pain": [{"region": "sacrum", "intensity": 0}]})
    assert a.candidates == [] and a.top is None
    assert a.painful == []
    assert float(a.scores.sum()) == 0.0
    assert "0 candidates" in repr(a)


# --- Errors -------------------------------------------------------------------

def errors_of(kb, intake):
    with pytest.raises(myoref.InputError) as info:
        kb.assess(intake)
    return info.value


def test_unknown_id_names_it_and_suggests(kb):
    err = errors_of(kb, {"pain": [{"region": "buttok_upper", "side": "left", "intensity": 6}]})
    assert err.code == "invalid_input"
    assert err.path == "/pain/0/region"
    assert 'did you mean "buttock_upper"?' in err.diagnostics[0].message
    err = errors_of(kb, {"pain": [{"region": "sacrum", "intensity": 1}], "findings": ["walkng"]})
    assert err.path == "/findings/0" and "walking" in err.diagnostics[0].message


def test_schema2_intake_fields(kb):
    """Red flags answered no, precautions and sex: echoed, and the new rules
    refused with a path and a suggestion, as every other problem is."""
    intake = {"pain": [{"region": "chest", "side": "left", "intensity": 6}],
              "red_flags_denied": ["breathless_or_coughing_blood", "cardiac_chest_pain"],
              "precautions": ["pregnant", "blood_thinners"], "sex": "female", "age": 58}
    echoed = kb.assess(intake).to_dict()["intake"]
    assert echoed["red_flags_denied"] == ["cardiac_chest_pain", "breathless_or_coughing_blood"]
    assert echoed["precautions"] == ["blood_thinners", "pregnant"]
    assert echoed["sex"] == "female"
    err = errors_of(kb, dict(intake, red_flags=["cardiac_chest_pain"]))
    assert err.path == "/red_flags_denied/1"
    assert "answered both yes (at /red_flags/0) and no" in err.diagnostics[0].message
    err = errors_of(kb, dict(intake, precautions=["blood_thiners"]))
    assert err.path == "/precautions/0"
    assert 'did you mean "blood_thinners"?' in err.diagnostics[0].message
    err = errors_of(kb, dict(intake, sex="Female"))
    assert err.path == "/sex" and 'did you mean "female"?' in err.diagnostics[0].message


def test_questions_first_then_answers(kb):
    """draw -> questions -> answers -> assessment, in a few calls."""
    intake = {"pain": [{"region": "chest", "side": "left", "intensity": 7},
                       {"region": "upper_arm", "side": "left", "intensity": 4}],
              "age": 58, "duration_days": 200, "onset": "sudden"}
    asked = kb.questions(intake)
    assert asked[0]["id"] == "cardiac_chest_pain"
    assert asked[0]["level"] == "emergency"
    assert asked[0]["why"].endswith("at 58") and asked[0]["text"].endswith("?")
    levels = ["self_care", "see_clinician", "urgent", "emergency"]
    ranks = [levels.index(q["level"]) for q in asked]
    assert ranks == sorted(ranks, reverse=True)
    provisional = kb.assess(intake)
    assert provisional.triage.provisional
    assert provisional.triage.pending == [q["id"] for q in asked]
    assert provisional.triage.level == "see_clinician"
    assert "unanswered" in [r["id"] for r in provisional.triage.rules]
    doc = provisional.to_dict()
    assert doc["triage"]["provisional"] is True
    assert doc["triage"]["questions"][0]["answer"] == "pending"
    # All answered no: nothing pending, self-care; one yes: its level.
    no = dict(intake, red_flags_denied=[q["id"] for q in asked])
    assert kb.questions(no) == []
    answered = kb.assess(no)
    assert not answered.triage.provisional
    # Self-care, unless the knowledge base has no muscle for chest pain at all.
    rules = [r["id"] for r in answered.triage.rules]
    assert rules in ([], ["unexplained_only"])
    assert answered.triage.level == ("self_care" if not rules else "see_clinician")
    yes = dict(no, red_flags=["cardiac_chest_pain"],
               red_flags_denied=[q["id"] for q in asked[1:]])
    assert kb.assess(yes).triage.level == "emergency"


def test_nerve_root_pain_is_named_and_its_symptoms_set_aside(kb):
    intake = {"pain": [{"region": "buttock_central", "side": "left", "intensity": 5},
                       {"region": "calf", "side": "left", "intensity": 7}],
              "findings": ["shooting_pain", "paresthesia_leg", "cough_sneeze"], "age": 44}
    doc = kb.assess(intake).to_dict()
    assert [a["id"] for a in doc["also_consider"]] == ["nerve_root_leg"]
    assert {s["id"] for s in doc["set_aside"]} == {"paresthesia_leg", "shooting_pain"}
    assert any(r["id"] == "nerve_root_leg" for r in doc["triage"]["rules"])
    for c in doc["candidates"]:
        assert "paresthesia_leg" not in c["findings_for"]


def test_every_problem_is_reported_at_once(kb):
    err = errors_of(kb, {
        "pain": [{"region": "sacrum", "intensity": 11},
                 {"region": "sacrum", "side": "left", "intensity": 3},
                 {"region": "calf", "intensity": 2}],
        "findings": ["walking"], "denied": ["walking"],
        "age": 130, "colour": "red"})
    paths = {d.path for d in err.diagnostics}
    assert {"/pain/0/intensity", "/age", "/colour"} <= paths
    assert len(err.diagnostics) >= 5
    assert str(err).splitlines()[0] == err.message
    assert all(f"  {d.path}: {d.message}" in str(err) for d in err.diagnostics)


def test_parse_and_limit_errors(kb):
    with pytest.raises(myoref.ParseError):
        kb.assess('{"pain": [')
    # Every paired key but the coarse ones (a coarse region with its own parts
    # is refused).
    coarse = {kb.region_keys()[i] for i, _ in coarse_part_columns(kb)}
    marks = [{"region": r.split(":")[0], "side": r.split(":")[1], "intensity": 1}
             for r in kb.region_keys() if ":" in r and r not in coarse]
    with pytest.raises(myoref.LimitError):
        kb.assess({"pain": [{"region": "sacrum", "intensity": 1}],
                   "findings": ["walking"] * 300})
    # A long but valid drawing is not a limit.
    assert kb.assess({"pain": marks}).painful


def test_values_with_no_json_form_are_input_errors(kb):
    with pytest.raises(myoref.InputError, match="JSON"):
        kb.assess({"pain": [{"region": "sacrum", "intensity": object()}]})
    with pytest.raises(myoref.InputError):
        kb.assess({"pain": [{"region": "sacrum", "intensity": float("nan")}]})


def random_intake(kb, rng: random.Random):
    """Intakes near the valid ones: most are valid, many break one rule."""
    keys = kb.region_keys()
    findings = kb.findings.ids()
    flags = kb.red_flags.ids()
    intake = {"pain": []}
    for key in rng.sample(keys, rng.randint(0, 5)):
        region, _, side = key.partition(":")
        mark = {"region": region, "intensity": rng.randint(0, 10)}
        if side:
            mark["side"] = side
        intake["pain"].append(mark)
    if rng.random() < 0.5:
        intake["findings"] = rng.sample(findings, rng.randint(0, 3))
    if rng.random() < 0.3:
        intake["denied"] = rng.sample(findings, rng.randint(0, 2))
    if rng.random() < 0.2:
        intake["red_flags"] = rng.sample(flags, 1)
    if rng.random() < 0.5:
        intake["age"] = rng.randint(0, 100)
    if rng.random() < 0.5:
        intake["duration_days"] = rng.randint(0, 400)
    if rng.random() < 0.3:
        intake["onset"] = rng.choice(["sudden", "gradual"])
    if rng.random() < 0.3:
        intake["red_flags_denied"] = rng.sample(flags, rng.randint(0, 3))
    if rng.random() < 0.3:
        intake["precautions"] = rng.sample(["pregnant", "blood_thinners", "fragile_bones"],
                                           rng.randint(0, 2))
    if rng.random() < 0.3:
        intake["sex"] = rng.choice(["female", "male"])
    breakers = [
        lambda d: d["pain"].append({"region": "sacrum", "side": "left", "intensity": 2}),
        lambda d: d["pain"].append({"region": "calf", "intensity": 2}),
        lambda d: d["pain"].append({"region": "calff", "side": "left", "intensity": 2}),
        lambda d: d["pain"].append({"region": "calf", "side": "middle", "intensity": 2}),
        lambda d: d["pain"].append({"region": "calf", "side": "left", "intensity": 11}),
        lambda d: d["pain"].append({"region": "calf", "side": "left", "intensity": -1}),
        lambda d: d["pain"].append({"region": "calf", "side": "left", "intensity": 2.5}),
        lambda d: d["pain"].append({"region": "calf", "side": "left", "intensity": 3.0}),
        lambda d: d["pain"].append({"region": "calf", "side": "left", "intensity": True}),
        lambda d: d["pain"].append({"region": "calf", "side": "left", "intensity": "3"}),
        lambda d: d["pain"].append({"region": "calf", "side": "left"}),
        lambda d: d["pain"].append({"region": "calf", "side": None, "intensity": 1}),
        lambda d: d["pain"].append({"region": "calf", "side": "left", "intensity": 1, "x": 1}),
        lambda d: d["pain"].append("calf"),
        lambda d: d["pain"].extend(d["pain"][:1]),
        lambda d: d.update(findings=["walking", "walking"]),
        lambda d: d.update(findings=["walking"], denied=["walking"]),
        lambda d: d.update(red_flags=["saddle_numbnes"]),
        lambda d: d.update(red_flags=["tearing_pain"], red_flags_denied=["tearing_pain"]),
        lambda d: d.update(red_flags_denied=["acute_abdomen", "acute_abdomen"]),
        lambda d: d.update(precautions=["pregnent"]),
        lambda d: d.update(precautions="pregnant"),
        lambda d: d.update(sex="Male"),
        lambda d: d.update(sex=None),
        lambda d: d.update(age=-1),
        lambda d: d.update(age=121),
        lambda d: d.update(age=None),
        lambda d: d.update(age=2 ** 70),
        lambda d: d.update(duration_days=-3),
        lambda d: d.update(onset="slow"),
        lambda d: d.update(onset=None),
        lambda d: d.update(extra=True),
        lambda d: d.update(pain="sacrum"),
        lambda d: d.update(findings="walking"),
        lambda d: d.pop("pain"),
    ]
    if rng.random() < 0.5:
        rng.choice(breakers)(intake)
    return intake


def outcome(kb, intake):
    try:
        return ("ok", kb.assess(intake).to_json())
    except myoref.Error as e:
        return (type(e).__name__, e.message, e.diagnostics)


def test_dict_route_and_json_route_agree(kb):
    """A dict is converted directly; JSON text goes through the library's
    reader. Both must accept the same intakes, give the same assessments and
    report the same errors at the same paths."""
    rng = random.Random(20261124)
    seen = {"ok": 0, "error": 0}
    for _ in range(1500):
        intake = random_intake(kb, rng)
        by_dict = outcome(kb, intake)
        by_text = outcome(kb, json.dumps(intake))
        assert by_dict == by_text, intake
        seen["ok" if by_dict[0] == "ok" else "error"] += 1
    assert seen["ok"] > 300 and seen["error"] > 300


# --- Documents, equality, pickling -------------------------------------------------

def test_assessment_from_json(kb, assessment, other_kb):
    again = myoref.Assessment.from_json(kb, assessment.to_json())
    assert again == assessment and again.to_json() == assessment.to_json()
    assert myoref.Assessment.from_json(kb, assessment.to_dict()) == assessment
    with pytest.raises(myoref.KnowledgeBaseMismatch) as info:
        myoref.Assessment.from_json(other_kb, assessment.to_json())
    assert info.value.path == "/kb/id"
    doc = assessment.to_dict()
    doc["intake"]["pain"][0]["intensity"] = 12
    with pytest.raises(myoref.InputError) as info:
        myoref.Assessment.from_json(kb, doc)
    assert info.value.path == "/intake/pain/0/intensity"
    with pytest.raises(TypeError):
        myoref.Assessment.from_json(kb, 3)


def test_assessment_keeps_its_knowledge_base_object(kb, intake):
    a = kb.assess(intake)
    assert a.kb is kb


def test_assessment_equality_and_hash(kb, intake, other_kb):
    a, b = kb.assess(intake), kb.assess(json.dumps(intake))
    assert a == b and hash(a) == hash(b)
    assert a != kb.assess(EMERGENCY)
    assert a != other_kb.assess(intake)
    assert a != "assessment"


def test_assessment_pickles_by_knowledge_base_and_intake(kb, intake, other_kb):
    a = kb.assess(intake)
    again = pickle.loads(pickle.dumps(a))
    assert again == a and again.to_json() == a.to_json()
    b = other_kb.assess(intake)
    again = pickle.loads(pickle.dumps(b))
    assert again.kb == other_kb and again.to_json() == b.to_json()
    # Many assessments of one knowledge base store it once.
    many = [kb.assess(intake) for _ in range(20)]
    one = len(pickle.dumps(many[:1]))
    assert len(pickle.dumps(many)) < 2 * one
    loaded = pickle.loads(pickle.dumps(many))
    assert all(x.kb is loaded[0].kb for x in loaded)
    assert copy.copy(a) == a and copy.deepcopy(a) == a


def test_see_clinician_triage(kb):
    a = kb.assess(SEE_CLINICIAN)
    assert a.triage.level == "see_clinician"
    assert [f.id for f in a.triage.red_flags] == ["claudication"]
    assert a.triage.red_flags[0].level == "see_clinician"
