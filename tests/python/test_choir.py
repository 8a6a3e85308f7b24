"""myoref.choir: every CHOIR segment of both numberings lands on the right part
of the chart (checked by hand: the table below is anatomy, written from the
CHOIR pictures, not from the crosswalk), the crosswalk is what the chart gives
now, and the 7,068 validation maps import and score."""

from __future__ import annotations

import csv
import pathlib
import subprocess
import sys

import numpy as np
import pytest

import myoref

ROOT = pathlib.Path(__file__).resolve().parents[2]
CHOIR = ROOT / "data" / "choir"

# segment -> the region key it must fall on most. Front view: the person's
# right is on the picture's left (lower numbers); back view: their left.
FRONT = {
    101: "head", 102: "head", 103: "head", 104: "head",
    105: "neck:right", 106: "neck:left",
    107: "shoulder:right", 110: "shoulder:left", 108: "chest:right", 109: "chest:left",
    111: "upper_arm:right",
    118: "forearm:left", 119: "forearm:right", 124: "forearm:left",  # 119/124: wrists
    120: "hip_lateral:right", 123: "hip_lateral:left",
    121: "abdomen_lower:right", 122: "abdomen_lower:left",
    125: "hand:right", 128: "hand:left",
    126: "thigh_anterior:right", 127: "thigh_anterior:left",
    129: "knee_anterior:right", 130: "knee_anterior:left",
    131: "shin:right", 132: "shin:left", 133: "shin:right", 134: "shin:left",
    135: "foot_dorsum:right", 136: "foot_dorsum:left",
}
# 112-117: the two maps' own numbering.
FRONT_FEMALE = {112: "abdomen_lower:right", 113: "abdomen_lower:left", 114: "upper_arm:left",
                115: "elbow:right", 116: "elbow:left", 117: "forearm:right"}
FRONT_MALE = {112: "upper_arm:left", 113: "elbow:right", 114: "elbow:left",
              115: "forearm:right", 116: "abdomen_lower:right", 117: "abdomen_lower:left"}
BACK = {
    201: "head", 202: "head", 203: "head", 204: "head",
    205: "neck:left", 206: "neck:right",
    207: "shoulder:left", 210: "shoulder:right", 208: "upper_back:left", 209: "upper_back:right",
    211: "upper_arm:left", 214: "upper_arm:right",
    212: "upper_back:left", 213: "upper_back:right",
    215: "elbow:left", 216: "elbow:right", 217: "forearm:left", 220: "forearm:right",
    218: "lumbar_paraspinal:left", 219: "lumbar_paraspinal:right",
    221: "forearm:left", 226: "forearm:right",
    222: "buttock_lateral:left", 225: "buttock_lateral:right",
    223: "buttock_lower:left", 224: "buttock_lower:right",
    227: "hand:left", 230: "hand:right",
    228: "thigh_posterior_upper:left", 229: "thigh_posterior_upper:right",
    231: "knee_posterior:left", 232: "knee_posterior:right",
    # 235/236: the lowest band of the leg's back, just above the heel.
    233: "calf:left", 234: "calf:right", 235: "achilles:left", 236: "achilles:right",
    237: "foot_sole:left", 238: "foot_sole:right",
}
EXPECTED = {
    "female": {**FRONT, **FRONT_FEMALE, **BACK},
    "male": {**FRONT, **FRONT_MALE, **BACK},
}
CASES = [(sex, seg) for sex in ("female", "male") for seg in sorted(EXPECTED[sex])]


def test_every_segment_is_covered():
    for sex in EXPECTED:
        assert sorted(EXPECTED[sex]) == list(range(101, 137)) + list(range(201, 239))
        assert len(EXPECTED[sex]) == 74


def key_of(mark):
    return mark["region"] + (":" + mark["side"] if "side" in mark else "")


def acceptable(want):
    """The expected key, or a fine part of it where the chart splits the
    region (a coarse region's "parts" in data/kb/regions.json)."""
    import json

    regions = json.loads((ROOT / "data" / "kb" / "regions.json").read_text())["regions"]
    parts = {r["id"]: r.get("parts", []) for r in regions}
    region, _, side = want.partition(":")
    keys = {want}
    for p in parts.get(region, []):
        # A midline coarse region (the head) covers its paired parts on both
        # sides; a paired one its parts on its own side and its midline parts.
        for s in ([side] if side else ["left", "right"]):
            keys.add(p + ":" + s)
        keys.add(p)
    return keys


@pytest.mark.parametrize("sex,segment", CASES, ids=[f"{s}-{n}" for s, n in CASES])
def test_segment(kb, sex, segment):
    intake = myoref.choir.intake(kb, str(segment), sex, intensity=10)
    marks = {key_of(m): m["intensity"] for m in intake["pain"]}
    want = EXPECTED[sex][segment]
    assert acceptable(want) & set(marks), (marks, want)
    # The region it falls on most is marked at least as strongly as the others
    # of its side (partial overlaps are weighted, not dropped).
    side = want.partition(":")[2]
    assert all(v >= 1 for v in marks.values())
    # It stays on its own side of the body.
    other = {"left": "right", "right": "left"}.get(side)
    if other:
        assert not any(k.endswith(":" + other) for k in marks), marks
    # The reverse (export) names segments that mark every region again; where a
    # region is larger than the segment (the head, the forearm with the wrist)
    # it names the segments covering most of it, which need not include this one.
    back = myoref.choir.segments(kb, intake, sex)
    again = {key_of(m) for m in myoref.choir.intake(kb, back, sex)["pain"]}
    assert set(marks) <= again, (back, marks, again)


def test_sexes_differ_where_the_maps_do(kb):
    f = myoref.choir.intake(kb, "113", "female")
    m = myoref.choir.intake(kb, "113", "male")
    assert {key_of(x) for x in f["pain"]} != {key_of(x) for x in m["pain"]}
    assert "abdomen_lower:left" in {key_of(x) for x in f["pain"]}
    assert acceptable("elbow:right") & {key_of(x) for x in m["pain"]}


def test_partial_overlaps_are_weighted(kb):
    # The lower back segment spans several regions, each marked, none dropped,
    # graded by how much of it the segment covers.
    intake = myoref.choir.intake(kb, "218", "female", intensity=10)
    marks = {key_of(m): m["intensity"] for m in intake["pain"]}
    assert len(marks) >= 3
    assert len(set(marks.values())) >= 2


def test_errors(kb):
    with pytest.raises(myoref.InputError) as e:
        myoref.choir.intake(kb, "128,999", "female")
    assert e.value.path == "/1"
    with pytest.raises(myoref.InputError, match="twice"):
        myoref.choir.intake(kb, "128,128", "female")
    with pytest.raises(myoref.InputError):
        myoref.choir.intake(kb, "", "female")
    with pytest.raises(myoref.InvalidArgument):
        myoref.choir.intake(kb, "128", "unknown")
    with pytest.raises(myoref.InvalidArgument):
        myoref.choir.intake(kb, "128", "female", intensity=0)
    assert myoref.choir.intake(kb, [128, 117], "Female") == myoref.choir.intake(kb, "128, 117", "female")


def test_crosswalk_is_current():
    pytest.importorskip("shapely")
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "choir" / "crosswalk.py"), "--check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_validation_maps_import_and_score(kb):
    pd = pytest.importorskip("pandas")
    maps = pd.read_csv(CHOIR / "validation.csv", dtype={"bodymap_regions_csv": str})
    assert len(maps) == 7068
    wide = myoref.choir.drawings(kb, maps)
    assert wide.shape == (7068, len(kb.region_keys()))
    scores = kb.score_frame(wide)
    marked = wide.to_numpy().any(axis=1)
    assert marked.sum() >= 7000
    # Each map's row is the assessment of its intake without findings.
    for i in [0, 1, 17, 4000, 7067]:
        segs = maps["bodymap_regions_csv"][i]
        if isinstance(segs, str) and segs:
            a = kb.assess(myoref.choir.intake(kb, segs, maps["gender"][i]))
            np.testing.assert_allclose(scores.iloc[i].to_numpy(), a.scores, atol=1e-5)
    rows = myoref.choir.assess_maps(kb, maps.head(300))
    assert rows["error"].isna().sum() == (maps.head(300)["bodymap_regions_csv"].fillna("") != "").sum()
