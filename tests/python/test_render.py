"""Pictures: render_* functions and the _repr_svg_ of muscles and assessments."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

import myoref


def parse_svg(text: str) -> ET.Element:
    root = ET.fromstring(text)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return root


def test_render_muscle(kb, tmp_path):
    picture = myoref.render_muscle(kb, "gluteus_medius")
    assert isinstance(picture, myoref.SVG) and isinstance(picture, str)
    parse_svg(picture)
    assert "Gluteus medius" in picture
    assert picture._repr_svg_() == str(picture)
    assert repr(picture) == f"<SVG, {len(picture)} characters>"
    assert myoref.render_muscle(kb, "gluteus_medius:left") == picture
    assert myoref.render_muscle(kb, "gluteus_medius", side="left") == picture
    right = myoref.render_muscle(kb, "gluteus_medius", side="right")
    assert right != picture
    assert myoref.render_muscle(kb, "gluteus_medius:right") == right
    assert myoref.render_muscle(kb, "psoas") == myoref.render_muscle(kb, "iliopsoas:left")
    path = tmp_path / "gm.svg"
    picture.save(path)
    assert path.read_text(encoding="utf-8") == picture


def test_muscle_pictures(kb, minimal_kb):
    m = kb.muscles["gluteus_medius"]
    assert m.render() == myoref.render_muscle(kb, "gluteus_medius")
    assert m.render("right") == myoref.render_muscle(kb, "gluteus_medius:right")
    shown = m._repr_svg_()
    parse_svg(shown)
    assert 'width="520"' in shown
    midline = next(x for x in minimal_kb.muscles if x.midline)
    parse_svg(midline._repr_svg_())
    with pytest.raises(myoref.InvalidArgument):
        midline.render("left")
    with pytest.raises(myoref.InvalidArgument):
        m.render("middle")


def test_render_options(kb):
    plain = myoref.render_muscle(kb, "gluteus_medius", width=300, legend=False, heading=False,
                                 id_prefix="gm1", essential_colour="#00aa00")
    parse_svg(plain)
    assert 'width="300"' in plain and 'id="gm1-title"' in plain and "#00aa00" in plain
    with pytest.raises(myoref.InvalidArgument):
        myoref.render_muscle(kb, "gluteus_medius", essential_colour="green")
    with pytest.raises(myoref.InvalidArgument):
        myoref.render_muscle(kb, "gluteus_medius", id_prefix="1bad")
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        myoref.render_muscle(kb, "gluteus_medius", colour="#000000")
    with pytest.raises(TypeError, match="width must be an int"):
        myoref.render_muscle(kb, "gluteus_medius", width="wide")
    with pytest.raises(TypeError, match="legend must be a bool"):
        myoref.render_muscle(kb, "gluteus_medius", legend=1)


def test_render_unknown_muscle(kb):
    with pytest.raises(myoref.NotFound) as info:
        myoref.render_muscle(kb, "gluteus_medus")
    assert "gluteus_medius" in str(info.value)


def test_render_intake_and_overlay(kb, intake):
    drawing = myoref.render_intake(kb, intake)
    parse_svg(drawing)
    assert myoref.render_intake(kb, intake, width=200) != drawing
    overlay = myoref.render_overlay(kb, intake, "gluteus_medius:left")
    parse_svg(overlay)
    assert overlay != drawing
    with pytest.raises(myoref.InputError):
        myoref.render_intake(kb, {"pain": []})
    with pytest.raises(myoref.NotFound):
        myoref.render_overlay(kb, intake, "nothing:left")


def test_assessment_pictures(kb, assessment):
    picture = assessment.render()
    parse_svg(picture)
    assert myoref.render_candidates(assessment) == picture
    assert myoref.render_candidates(assessment, top_n=1) == assessment.render(1)
    shown = assessment._repr_svg_()
    parse_svg(shown)
    top = assessment.top
    assert top.render() == myoref.render_overlay(kb, assessment.intake, top.key)
    parse_svg(top._repr_svg_())


def test_report(assessment, tmp_path):
    page = assessment.report()
    assert isinstance(page, myoref.HTML)
    assert page.lstrip().lower().startswith("<!doctype html")
    assert page._repr_html_() == str(page)
    assert myoref.render_report(assessment) == page
    assert myoref.render_report(assessment, ranked=2, charts=0) != page
    with pytest.raises(myoref.InvalidArgument):
        assessment.report(ranked=0)
    page.save(tmp_path / "report.html")
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == page


def test_render_chart(kb, intake):
    blank = myoref.render_chart(kb)
    root = parse_svg(blank)
    assert root.get("role") == "group"
    ns = "{http://www.w3.org/2000/svg}"
    regions = [e for e in root.iter(f"{ns}path") if e.get("data-region-key")]
    keys = {e.get("data-region-key") for e in regions}
    # Every key the person can mark: a coarse region (one with parts) is drawn as its parts.
    coarse = {r["id"] for r in json.loads(kb.to_json())["regions"] if r.get("parts")}
    assert "shoulder" in coarse
    assert keys == {k for k in kb.region_keys() if k.split(":")[0] not in coarse}
    assert all(e.get("role") == "button" and e.get("aria-pressed") == "false" for e in regions)
    assert [e.get("tabindex") for e in regions].count("0") == 1
    by_key = {e.get("data-region-key"): e for e in regions}
    assert by_key["buttock_upper:left"].get("aria-label") == "left upper buttock, the person's left"
    assert myoref.render_chart(kb, []) == blank
    assert myoref.render_chart(kb, "[]") == blank

    pain = [{"region": "buttock_upper", "side": "left", "intensity": 6}]
    filled = myoref.render_chart(kb, pain, width=400)
    assert myoref.render_chart(kb, '[{"region": "buttock_upper", "side": "left", '
                               '"intensity": 6}]', width=400) == filled
    marked = [e for e in parse_svg(filled).iter(f"{ns}path") if e.get("data-intensity")]
    assert [(e.get("data-region-key"), e.get("data-intensity")) for e in marked] == [
        ("buttock_upper:left", "6")
    ]
    with pytest.raises(myoref.InputError) as caught:
        myoref.render_chart(kb, [{"region": "calf", "side": "left", "intensity": 11}])
    assert caught.value.path == "/pain/0/intensity"
