"""myoref.fhir: the Bundle of an assessment and of a plan, and the intake back."""

from __future__ import annotations

import json
import pathlib

import pytest

import myoref

from conftest import EMERGENCY, GLUTEUS_MEDIUS

INTAKES = sorted((pathlib.Path(__file__).parents[2] / "examples" / "intakes").glob("*.json"))


def resources(bundle, kind):
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


@pytest.mark.parametrize("path", INTAKES, ids=[p.stem for p in INTAKES])
def test_round_trip(kb, path):
    a = kb.assess(path.read_text())
    bundle = myoref.fhir.bundle(kb, a)
    assert myoref.fhir.intake(kb, bundle) == a.intake
    assert kb.assess(myoref.fhir.intake(kb, json.dumps(bundle))).to_json() == a.to_json()


def test_assessment_bundle(kb):
    a = kb.assess(GLUTEUS_MEDIUS)
    b = myoref.fhir.bundle(kb, a, patient="Patient/42", date="2026-12-01")
    assert b["resourceType"] == "Bundle" and b["type"] == "collection"
    assert not resources(b, "Patient")  # the host's own patient is referenced
    pain = resources(b, "Observation")
    assert len(pain) == len(GLUTEUS_MEDIUS["pain"])
    for o, mark in zip(pain, a.intake["pain"]):
        assert o["code"]["coding"][0] == {
            "system": "http://loinc.org",
            "code": "72514-3",
            "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
        }
        assert o["valueInteger"] == mark["intensity"]
        assert o["subject"] == {"reference": "Patient/42"}
        assert o["effectiveDateTime"] == "2026-12-01"
        key = mark["region"] + (":" + mark["side"] if "side" in mark else "")
        codes = {c["system"].rsplit("/", 1)[-1]: c["code"] for c in o["bodySite"]["coding"]}
        assert codes["region-key"] == key
    # Laterality: the buttock's SNOMED CT code, post-coordinated with "left".
    buttock = [o for o in pain if "Upper buttock" in o["bodySite"]["text"]][0]
    assert buttock["bodySite"]["coding"][0] == {
        "system": "http://snomed.info/sct", "code": "46862004:272741003=7771000"}
    (q,) = resources(b, "Questionnaire")
    (qr,) = resources(b, "QuestionnaireResponse")
    assert qr["questionnaire"].startswith(q["url"] + "|")
    answers = {i["linkId"]: i["answer"][0] for g in qr["item"] for i in g.get("item", [g])}
    assert answers["finding.walking"] == {"valueBoolean": True}
    assert answers["finding.sitting_long"] == {"valueBoolean": False}
    # A question never asked is never answered no.
    assert "finding.stairs" not in answers
    assert answers["age"] == {"valueInteger": 42}
    (ci,) = resources(b, "ClinicalImpression")
    assert ci["finding"][0]["itemCodeableConcept"]["coding"][0]["code"] == "self_care"
    top = ci["finding"][1]
    assert top["itemCodeableConcept"]["coding"][-1]["code"] == a.top.key
    assert top["basis"].startswith("Rank 1 of ")
    assert a.top.basis[0] in top["basis"]
    # Deterministic.
    assert myoref.fhir.bundle(kb, a, patient="Patient/42", date="2026-12-01", text=True) == \
        myoref.fhir.bundle(kb, a.to_json(), patient="Patient/42", date="2026-12-01", text=True)


def test_emergency_triage_and_anonymous_patient(kb):
    b = myoref.fhir.bundle(kb, kb.assess(EMERGENCY))
    (patient,) = resources(b, "Patient")
    assert b["entry"][0]["resource"] is not None and b["entry"][0]["resource"] == patient
    (ci,) = resources(b, "ClinicalImpression")
    assert ci["subject"]["reference"] == b["entry"][0]["fullUrl"]
    assert ci["finding"][0]["itemCodeableConcept"]["coding"][0]["code"] == "emergency"
    assert "saddle_numbness" in ci["finding"][0]["basis"]


def test_plan_bundle(kb):
    plan = myoref.Plan.start(kb, kb.assess(GLUTEUS_MEDIUS))
    for date, before, after in [("2026-12-02", 6, 5), ("2026-12-05", 5, 3)]:
        plan.log({"date": date, "target": plan.target,
                  "steps": ["release", "stretch", "strengthen"],
                  "pain_before": before, "pain_after": after, "red_flags": []})
    b = myoref.fhir.bundle(kb, plan)
    series = [(o["effectiveDateTime"], o["code"]["coding"][1]["code"], o["valueInteger"])
              for o in resources(b, "Observation")]
    assert series == [
        ("2026-12-02", "pain-before-session", 6), ("2026-12-02", "pain-after-session", 5),
        ("2026-12-05", "pain-before-session", 5), ("2026-12-05", "pain-after-session", 3)]
    with pytest.raises(myoref.InputError):
        myoref.fhir.intake(kb, b)  # a plan records no drawing


def test_errors(kb):
    a = kb.assess(GLUTEUS_MEDIUS)
    with pytest.raises(myoref.InvalidArgument):
        myoref.fhir.bundle(kb, a, date="1 December")
    with pytest.raises(myoref.InputError) as e:
        myoref.fhir.intake(kb, {"resourceType": "Patient"})
    assert e.value.path == "/resourceType"
    b = myoref.fhir.bundle(kb, a)
    qr = [e for e in b["entry"] if e["resource"]["resourceType"] == "QuestionnaireResponse"][0]
    i = b["entry"].index(qr)
    qr["resource"]["item"][0]["item"][0]["linkId"] = "finding.no_such_thing"
    with pytest.raises(myoref.InputError) as e:
        myoref.fhir.intake(kb, b)
    assert "no_such_thing" in str(e.value)
    assert e.value.path.startswith(f"/entry/{i}/resource/item/")
