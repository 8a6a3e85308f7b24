"""Shared fixtures of the myoref Python test suite.

The suite imports the package found on PYTHONPATH (ctest points it at the
build's bindings/python folder), never a copy installed elsewhere.
"""

from __future__ import annotations

import copy
import json

import pytest

import myoref

def coarse_part_columns(kb):
    """(coarse column, part column) pairs of kb.region_keys() that an intake
    may not mark together: a coarse region (one with "parts" in
    data/kb/regions.json) and one of its own parts, same side, or any side for
    a midline coarse region or a midline part."""
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[2]
    regions = json.loads((root / "data" / "kb" / "regions.json").read_text())["regions"]
    parts = {r["id"]: set(r.get("parts", [])) for r in regions}
    keys = kb.region_keys()
    pairs = []
    for i, a in enumerate(keys):
        region_a, _, side_a = a.partition(":")
        for j, b in enumerate(keys):
            region_b, _, side_b = b.partition(":")
            if region_b in parts.get(region_a, ()) and (not side_a or not side_b or side_a == side_b):
                pairs.append((i, j))
    return pairs


#: A classic gluteus medius drawing (left side), with findings and history.
GLUTEUS_MEDIUS = {
    "pain": [
        {"region": "buttock_upper", "side": "left", "intensity": 6},
        {"region": "sacroiliac", "side": "left", "intensity": 5},
        {"region": "iliac_crest", "side": "left", "intensity": 4},
        {"region": "sacrum", "intensity": 3},
    ],
    "findings": ["walking", "lying_on_painful_side"],
    "denied": ["sitting_long"],
    "red_flags": [],
    # Every question this drawing calls for, answered no: self-care's way open.
    "red_flags_denied": ["urinary_blood_or_fever", "saddle_numbness", "bladder_bowel_change", "progressive_leg_weakness", "history_of_cancer", "unexplained_weight_loss", "night_pain_unrelenting", "fever_or_unwell", "immunosuppressed", "major_trauma", "osteoporosis"],
    "age": 42,
    "duration_days": 21,
    "onset": "gradual",
}

#: A drawing with an emergency red flag.
EMERGENCY = {
    "pain": [{"region": "sacrum", "intensity": 7}],
    "red_flags": ["saddle_numbness"],
    "age": 50,
    "duration_days": 3,
}

#: A drawing with a see_clinician red flag: a plan starts and carries the advice.
SEE_CLINICIAN = {
    "pain": [{"region": "calf", "side": "right", "intensity": 5}],
    "red_flags": ["claudication"],
    "age": 45,
    "duration_days": 60,
}


def answered_no(kb: myoref.KnowledgeBase, intake: dict) -> dict:
    """``intake`` with every red-flag question its drawing opens answered no
    (a plan waits for the emergency ones; self-care needs them all)."""
    out = copy.deepcopy(intake)
    asked = [q["id"] for q in kb.questions(intake)]
    denied = out.get("red_flags_denied", [])
    out["red_flags_denied"] = denied + [i for i in asked if i not in denied]
    return out


@pytest.fixture(scope="session")
def kb() -> myoref.KnowledgeBase:
    return myoref.KnowledgeBase.default()


@pytest.fixture
def intake() -> dict:
    return copy.deepcopy(GLUTEUS_MEDIUS)


@pytest.fixture
def assessment(kb, intake) -> myoref.Assessment:
    return kb.assess(intake)


@pytest.fixture
def other_kb(kb) -> myoref.KnowledgeBase:
    """The default knowledge base under another id and version: same muscles,
    different hash."""
    doc = json.loads(kb.to_json())
    doc["id"] = "myoref-test-copy"
    doc["version"] = "9.9.9"
    return myoref.KnowledgeBase.from_json(json.dumps(doc))



@pytest.fixture(scope="session")
def minimal_kb() -> myoref.KnowledgeBase:
    """tests/data/kb/minimal.json: a small base with a midline muscle (the
    default base has none since the pelvic floor muscles got their sides)."""
    import pathlib

    path = pathlib.Path(__file__).resolve().parents[1] / "data" / "kb" / "minimal.json"
    return myoref.KnowledgeBase.from_json(path.read_text())
