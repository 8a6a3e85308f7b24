"""Plan: start, next_step, log, documents, pickling."""

from __future__ import annotations

import copy
import json
import pickle

import pytest

import myoref
from conftest import EMERGENCY, SEE_CLINICIAN, answered_no

STEPS = ["release", "stretch", "strengthen"]


def session(plan, date, before, after, steps=STEPS, red_flags=()):
    return {"date": date, "target": plan.target, "steps": list(steps),
            "pain_before": before, "pain_after": after, "red_flags": list(red_flags)}


@pytest.fixture
def plan(kb, assessment):
    return myoref.Plan.start(kb, assessment)


def test_start_follows_the_assessment(kb, assessment, plan):
    assert plan.status == "active"
    assert plan.outcome == "started"
    assert plan.target == assessment.top.key
    assert plan.current == 0
    assert plan.baseline_pain == 6
    assert plan.triage == "self_care" and plan.triage_advice == []
    keys = [c.key for c in plan.candidates]
    # The first max_candidates (3) of the ranking, in its order.
    assert keys == [c.key for c in assessment.candidates][:3]
    assert plan.candidates[0].status == "current"
    assert all(c.status == "untried" for c in plan.candidates[1:])
    assert isinstance(plan.candidates[-1].related, bool)
    assert plan.sessions == []
    assert plan.options == {"release_trials": 3, "relief_points": 2, "relief_percent": 30,
                            "worsening_points": 2, "worsening_sessions": 2,
                            "maintenance_sessions": 3, "append_related": True,
                            "max_candidates": 3, "max_exercises_per_step": 2,
                            "no_improvement_weeks": 6}
    assert plan.kb is kb
    assert repr(plan) == (f"<Plan active target={plan.target}, 0 sessions, "
                          f"{len(plan.candidates)} candidates>")
    assert plan.reason


def test_start_from_a_document_and_from_the_assessment(kb, assessment, plan):
    assert myoref.Plan.start(kb, assessment.to_json()).to_json() == plan.to_json()
    assert myoref.Plan.start(kb, assessment.to_dict()).to_json() == plan.to_json()
    assert assessment.start_plan().to_json() == plan.to_json()
    with pytest.raises(TypeError):
        myoref.Plan.start(kb, 42)


def test_start_options(kb, assessment):
    plan = myoref.Plan.start(kb, assessment, release_trials=1, append_related=False)
    assert plan.options["release_trials"] == 1 and plan.options["append_related"] is False
    assert not any(c.related for c in plan.candidates)
    assert assessment.start_plan(release_trials=2).options["release_trials"] == 2
    with pytest.raises(myoref.InvalidArgument) as info:
        myoref.Plan.start(kb, assessment, release_trials=0)
    assert info.value.code == "invalid_argument"
    with pytest.raises(TypeError):
        myoref.Plan.start(kb, assessment, release_trails=2)
    with pytest.raises(TypeError):
        myoref.Plan.start(kb, assessment, 3)


def test_start_is_refused_at_urgent_or_emergency_triage(kb):
    with pytest.raises(myoref.SafetyRefusal) as info:
        myoref.Plan.start(kb, kb.assess(EMERGENCY))
    assert info.value.code == "safety_refusal"
    assert "emergency" in str(info.value) or info.value.diagnostics


def test_see_clinician_plan_carries_the_advice(kb):
    plan = myoref.Plan.start(kb, kb.assess(answered_no(kb, SEE_CLINICIAN)))
    assert plan.triage == "see_clinician" and plan.triage_advice
    nxt = plan.next_step()
    assert nxt.level == "see_clinician"
    assert any(a in nxt.advice for a in plan.triage_advice)


def test_start_with_an_assessment_of_another_knowledge_base(kb, other_kb, intake):
    with pytest.raises(myoref.KnowledgeBaseMismatch):
        myoref.Plan.start(kb, other_kb.assess(intake))


def test_next_step_gives_the_three_steps_with_exercises(kb, plan):
    nxt = plan.next_step()
    assert isinstance(nxt, myoref.NextStep)
    assert nxt.status == "active" and nxt.target == plan.target
    assert nxt.name == kb.muscles[plan.target.split(":")[0]].name
    assert nxt.side in ("left", "right", None)
    assert [s.step for s in nxt.steps] == STEPS
    for step in nxt.steps:
        assert step.exercises and not step.as_needed
        for e in step.exercises:
            assert e.id in kb.exercises and e.name and e.how and e.dose_text
            assert isinstance(e.dose, myoref.Dose)
            assert e.variant == "as_listed" and e.instead_of is None
            assert e.regression is None or e.regression in kb.exercises
            assert e.progression is None or e.progression in kb.exercises
            assert e.id in repr(e)
        assert repr(step).startswith(f"<PrescribedStep {step.step}")
    assert nxt.sessions_logged == 0
    doc = nxt.to_dict()
    assert {"status", "target", "name", "steps", "advice", "sessions_logged"} <= set(doc)
    assert [s["step"] for s in doc["steps"]] == STEPS
    for s in doc["steps"]:
        for e in s["exercises"]:
            assert {"id", "name", "dose", "how"} <= set(e)
    assert doc == json.loads(nxt.to_json())
    assert str(nxt) == nxt.to_text() and nxt.target in nxt.to_text()
    assert repr(nxt) == f"<NextStep active target={nxt.target}, 3 steps>"


def test_log_a_session(plan):
    decision = plan.log(session(plan, "2026-11-24", 6, 4))
    assert isinstance(decision, myoref.Decision)
    assert decision.outcome == "continued" and decision.status == "active"
    assert decision.relief and decision.complete and decision.missing == []
    assert decision.session == 0 and decision.target == plan.target
    assert decision.next_target == plan.target
    assert decision.reasons and isinstance(decision.advice, list)
    assert decision.level in ("self_care", "see_clinician", "urgent", "emergency")
    assert decision.to_dict() == json.loads(decision.to_json())
    assert decision.to_dict()["outcome"] == "continued"
    assert str(decision) == decision.to_text()
    assert repr(decision).startswith("<Decision continued: status active, relief")
    [record] = plan.sessions
    assert record.date == "2026-11-24" and record.steps == STEPS
    assert record.pain_before == 6 and record.pain_after == 4 and record.red_flags == []
    assert record.complete and record.relief and not record.worse and record.missing == []
    assert record.to_dict()["target"] == plan.target
    assert "2026-11-24" in repr(record)
    assert plan.next_step().sessions_logged == 1
    assert plan.outcome in ("started", "continued")  # why the plan is where it is


def test_log_accepts_json_text(plan):
    decision = plan.log(json.dumps(session(plan, "2026-11-24", 6, 6)))
    assert not decision.relief


def test_incomplete_session_is_recorded(plan):
    decision = plan.log(session(plan, "2026-11-24", 6, 6, steps=["release", "stretch"]))
    assert not decision.complete and decision.missing == ["strengthen"]
    assert not plan.sessions[0].complete and plan.sessions[0].missing == ["strengthen"]


def test_rejected_session_changes_nothing(plan):
    plan.log(session(plan, "2026-11-24", 6, 5))
    before = plan.to_json()
    bad = [
        (session(plan, "2026-11-25", 6, 5, steps=["stretch", "release"]), myoref.InputError),
        (session(plan, "2026-11-20", 6, 5), myoref.InputError),
        (session(plan, "2026-02-30", 6, 5), myoref.InputError),
        (dict(session(plan, "2026-11-25", 6, 5), target="soleus:left"), myoref.InputError),
        (session(plan, "2026-11-25", 6, 11), myoref.InputError),
        (session(plan, "2026-11-25", 6, 5, red_flags=["no_such_flag"]), myoref.InputError),
        (dict(session(plan, "2026-11-25", 6, 5), extra=1), myoref.InputError),
        ("{not json", myoref.ParseError),
    ]
    for doc, error in bad:
        with pytest.raises(error) as info:
            plan.log(doc)
        assert info.value.diagnostics or info.value.message
        assert plan.to_json() == before
    with pytest.raises(TypeError):
        plan.log(["not", "a", "session"])
    assert len(plan.sessions) == 1


def test_escalation_to_the_next_candidate(kb, assessment):
    plan = myoref.Plan.start(kb, assessment, release_trials=2)
    first, second = plan.candidates[0].key, plan.candidates[1].key
    plan.log(session(plan, "2026-11-01", 6, 6))
    decision = plan.log(session(plan, "2026-11-03", 6, 6))
    assert decision.outcome == "escalated"
    assert decision.next_target == second == plan.target
    assert plan.candidates[0].status == "not_likely_source"
    assert plan.candidates[0].key == first


def test_worsening_stops_the_plan(plan):
    plan.log(session(plan, "2026-11-01", 6, 8))
    decision = plan.log(session(plan, "2026-11-02", 8, 9))
    assert decision.outcome == "stopped_worsening"
    assert plan.status == "stopped_seek_care"
    nxt = plan.next_step()
    assert nxt.status == "stopped_seek_care" and nxt.steps == [] and nxt.advice
    with pytest.raises(myoref.SafetyRefusal):
        plan.log(session(plan, "2026-11-03", 8, 8))


def test_red_flag_stops_the_plan(plan):
    decision = plan.log(session(plan, "2026-11-01", 6, 5, red_flags=["saddle_numbness"]))
    assert decision.outcome == "stopped_red_flag" and decision.level == "emergency"
    assert plan.status == "stopped_seek_care"


def test_relief_leads_to_maintenance(plan):
    for day, after in (("01", 3), ("03", 3), ("05", 2)):
        decision = plan.log(session(plan, f"2026-11-{day}", 4, after))
    assert decision.outcome == "maintenance" and plan.status == "maintenance"
    nxt = plan.next_step()
    assert nxt.status == "maintenance"
    assert [s.as_needed for s in nxt.steps] == [True, True, False]


def test_exhausted_plan(kb):
    a = kb.assess(answered_no(kb, {"pain": [{"region": "heel", "side": "left", "intensity": 5}]}))
    plan = myoref.Plan.start(kb, a, release_trials=1, append_related=False)
    day = 1
    while plan.status == "active":
        plan.log(session(plan, f"2026-10-{day:02d}", 5, 5))
        day += 1
    assert plan.status == "exhausted"
    assert plan.target is None
    nxt = plan.next_step()
    assert nxt.target is None and nxt.steps == [] and nxt.advice
    assert "exhausted" in repr(plan)
    with pytest.raises(myoref.InputError):
        plan.log({"date": "2026-12-01", "target": a.top.key, "steps": STEPS,
                  "pain_before": 5, "pain_after": 5, "red_flags": []})


def test_document_round_trip(kb, plan):
    plan.log(session(plan, "2026-11-24", 6, 4))
    text = plan.to_json()
    again = myoref.Plan.from_json(kb, text)
    assert again == plan and again.to_json() == text
    assert myoref.Plan.from_json(kb, plan.to_dict()) == plan
    assert myoref.Plan.from_json(kb, text.encode()) == plan
    assert plan.to_dict() == json.loads(text)
    doc = plan.to_dict()
    assert doc["status"] == "active" and len(doc["sessions"]) == 1
    assert set(doc["sessions"][0]) >= {"date", "target", "steps", "pain_before", "pain_after",
                                       "red_flags"}


def test_document_checks(kb, other_kb, plan):
    plan.log(session(plan, "2026-11-24", 6, 4))
    doc = plan.to_dict()
    with pytest.raises(myoref.ParseError):
        myoref.Plan.from_json(kb, "{")
    with pytest.raises(myoref.KnowledgeBaseMismatch):
        myoref.Plan.from_json(other_kb, doc)
    edited = copy.deepcopy(doc)
    edited["sessions"][0]["pain_after"] = 1
    with pytest.raises(myoref.IntegrityError):
        myoref.Plan.from_json(kb, edited)
    newer = copy.deepcopy(doc)
    newer["format_version"] = 999
    with pytest.raises(myoref.UnsupportedVersion):
        myoref.Plan.from_json(kb, newer)
    with pytest.raises(TypeError):
        myoref.Plan.from_json(kb, None)


def test_copies_are_independent(plan):
    other = copy.copy(plan)
    deep = copy.deepcopy(plan)
    plan.log(session(plan, "2026-11-24", 6, 4))
    assert len(plan.sessions) == 1 and other.sessions == [] and deep.sessions == []
    assert other != plan


def test_plan_pickles(kb, other_kb, intake, plan):
    plan.log(session(plan, "2026-11-24", 6, 4))
    again = pickle.loads(pickle.dumps(plan))
    assert again == plan and again.kb == kb
    assert again.next_step().to_json() == plan.next_step().to_json()
    again.log(session(again, "2026-11-25", 4, 3))
    assert len(plan.sessions) == 1
    other = myoref.Plan.start(other_kb, other_kb.assess(intake))
    assert pickle.loads(pickle.dumps(other)).kb == other_kb


def test_plans_are_not_hashable(plan):
    with pytest.raises(TypeError):
        hash(plan)


def test_no_plan_for_a_child_or_with_an_emergency_question_unanswered(kb, intake):
    child = answered_no(kb, dict(intake, age=13))
    with pytest.raises(myoref.SafetyRefusal, match="under 16"):
        myoref.Plan.start(kb, kb.assess(child))
    unanswered = dict(intake)
    del unanswered["red_flags_denied"]
    with pytest.raises(myoref.SafetyRefusal, match="emergency question"):
        myoref.Plan.start(kb, kb.assess(unanswered))


def test_new_options_are_checked_and_recorded(kb, assessment):
    plan = myoref.Plan.start(kb, assessment, max_candidates=1, max_exercises_per_step=1,
                             no_improvement_weeks=4)
    assert len(plan.candidates) == 1
    assert plan.options["no_improvement_weeks"] == 4
    assert all(len(s.exercises) <= 1 for s in plan.next_step().steps)
    with pytest.raises(myoref.InvalidArgument):
        myoref.Plan.start(kb, assessment, max_candidates=0)


def test_precautions_acute_phase_and_both_sides_reach_python(kb, intake):
    fresh = answered_no(kb, dict(intake, duration_days=2, precautions=["blood_thinners"]))
    nxt = myoref.Plan.start(kb, kb.assess(fresh)).next_step()
    assert nxt.acute and nxt.precautions == ["blood_thinners"]
    assert nxt.to_dict()["acute"] is True
    for left in nxt.left_out:
        assert left["precautions"] == ["blood_thinners"] and left["why"]
    symmetric = answered_no(kb, {"pain": [
        {"region": "iliac_crest", "side": "left", "intensity": 5},
        {"region": "iliac_crest", "side": "right", "intensity": 5}], "age": 40,
        "duration_days": 30})
    plan = myoref.Plan.start(kb, kb.assess(symmetric))
    assert plan.candidates[0].both_sides and plan.target.endswith(":both")
    assert plan.next_step().both_sides


def test_pain_over_time_picture(kb, assessment):
    plan = myoref.Plan.start(kb, assessment, release_trials=2)
    empty = plan.render_pain_over_time()
    assert isinstance(empty, myoref.SVG)
    assert "No session logged yet" in empty
    plan.log(session(plan, "2026-11-01", 6, 6))
    plan.log(session(plan, "2026-11-03", 6, 6))  # escalated: the target changes
    plan.log(session(plan, "2026-11-05", 6, 3))
    picture = plan.render_pain_over_time(width=500, id_prefix="p")
    assert picture != empty
    assert 'width="500"' in picture and 'id="p-title"' in picture
    assert "Session 3 on 2026-11-05" in picture and "relief" in picture
    assert plan._repr_svg_() == str(plan.render_pain_over_time(width=640))
    with pytest.raises(myoref.InvalidArgument):
        plan.render_pain_over_time(overlay_colour="blue")
