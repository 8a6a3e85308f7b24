#!/usr/bin/env python3
"""Derives the CHOIR body map -> chart crosswalk (data/choir/crosswalk.json).

Method (docs/interop.md, "CHOIR body map"):

1. Both pictures are split into the same body parts: head and neck, trunk,
   each arm (below the shoulder cap, down to the wrist), each hand and each
   leg.
   Which CHOIR segment and which chart region belongs to which part is
   anatomy, written down below (PARTS_*): it was read off the pictures.
2. Each CHOIR part is mapped onto the chart's same part. The head and neck,
   the trunk and the legs stand upright in both pictures: their bounding boxes
   are mapped onto each other (x and y scaled separately). The CHOIR arms are
   held away from the body and the chart's hang down, so an arm (and a hand) is mapped in
   its own frame: along its long axis (from its principal axis, shoulder end
   first) and across it.
3. Every mapped segment is intersected with every chart region shape of the
   same view (shapely). A segment's share in a region key is the overlap area
   over the segment's area; the region's share is the overlap over the
   region's area. Shares under MIN_SHARE are slivers of the alignment and are
   left out; the others are kept, weighted, never only the largest.
4. Both sexes' outlines are used as they are, with each sex's own numbering
   (112-117 differ), and the sides come from the geometry: in the front view
   the person's right is on the picture's left, in the back view on its right,
   in the CHOIR pictures and in the chart alike.

Then checked by hand (docs/interop.md lists what was checked and the picture
tools/choir/crosswalk.py --picture draws). usage:

    python3 tools/choir/crosswalk.py [--check] [--picture OUT.svg]

--check compares with the committed file and fails when the chart changed
(run it again and review the diff). Needs python3-shapely.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import pathlib
import sys

from shapely.geometry import Polygon
from shapely.validation import make_valid

ROOT = pathlib.Path(__file__).resolve().parents[2]
CHOIR = ROOT / "data" / "choir"
OUT = CHOIR / "crosswalk.json"
MIN_SHARE = 0.04

# CHOIR segments per body part. Read off the outlines (see the picture);
# numbering as in each sex's own polygon file.
ARM_FRONT = {
    "male": {"right": [111, 113, 115, 119], "left": [112, 114, 118, 124]},
    "female": {"right": [111, 115, 117, 119], "left": [114, 116, 118, 124]},
}
ARM_BACK = {"left": [211, 215, 217, 221], "right": [214, 216, 220, 226]}
HAND_FRONT = {"right": [125], "left": [128]}
HAND_BACK = {"left": [227], "right": [230]}
HEAD = {"front": [101, 102, 103, 104, 105, 106], "back": [201, 202, 203, 204, 205, 206]}
LEG_FRONT = {"right": [126, 129, 131, 133, 135], "left": [127, 130, 132, 134, 136]}
LEG_BACK = {"left": [228, 231, 233, 235, 237], "right": [229, 232, 234, 236, 238]}

# Chart regions per body part (by id; fine and coarse ids alike).
HEAD_REGIONS = {"head", "neck", "vertex", "forehead", "temple", "eye", "cheek", "jaw", "ear",
                "teeth_upper", "teeth_lower", "occiput", "neck_posterior", "neck_lateral",
                "throat"}
ARM_PREFIXES = ("upper_arm", "elbow", "forearm", "wrist")
HAND_PREFIXES = ("hand", "finger", "thumb", "palm")
LEG_PREFIXES = ("thigh", "knee", "shin", "leg_", "calf", "achilles", "ankle", "heel", "foot", "toe",
                "big_toe")


def part_of_region(region: str) -> str:
    if region in HEAD_REGIONS:
        return "head"
    if region.startswith(ARM_PREFIXES):
        return "arm"
    if region.startswith(HAND_PREFIXES):
        return "hand"
    if region.startswith(LEG_PREFIXES):
        return "leg"
    return "trunk"


def load_choir(sex: str, view: str) -> dict[int, list[tuple[float, float]]]:
    polys: dict[int, list[tuple[float, float]]] = {}
    with open(CHOIR / f"{sex}_{view}_polygons.csv", newline="") as f:
        for row in csv.DictReader(f):
            polys.setdefault(int(row["id"]), []).append((float(row["x"]), float(row["y"])))
    return polys


def choir_parts(sex: str, view: str, ids) -> dict[int, str]:
    part = {i: "trunk" for i in ids}
    head = HEAD[view]
    arms = ARM_FRONT[sex] if view == "front" else ARM_BACK
    legs = LEG_FRONT if view == "front" else LEG_BACK
    hands = HAND_FRONT if view == "front" else HAND_BACK
    for side, segs in hands.items():
        for i in segs:
            part[i] = f"hand:{side}"
    for i in head:
        part[i] = "head"
    for side, segs in arms.items():
        for i in segs:
            part[i] = f"arm:{side}"
    for side, segs in legs.items():
        for i in segs:
            part[i] = f"leg:{side}"
    return part


def load_chart():
    regions = json.loads((ROOT / "data" / "kb" / "regions.json").read_text())["regions"]
    chart = json.loads((ROOT / "data" / "kb" / "chart.json").read_text())["chart"]
    laterality = {r["id"]: r["laterality"] for r in regions}
    coarse = {r["id"] for r in regions if r.get("parts")}
    width = chart["width"]
    shapes = []  # (key, view, part, side, polygon points)
    for s in chart["shapes"]:
        rid, view = s["region"], s["view"]
        if rid in coarse or s.get("inset"):
            continue
        pts = [tuple(p) for p in s["points"]]
        axis = s.get("axis", width / 2)
        part = part_of_region(rid)
        if laterality[rid] == "paired":
            mirrored = [(2 * axis - x, y) for x, y in pts]
            shapes.append((f"{rid}:left", view, part, "left", pts))
            shapes.append((f"{rid}:right", view, part, "right", mirrored))
        else:
            shapes.append((rid, view, part, None, pts))
    return shapes, chart


def side_on_picture_left(view: str) -> str:
    """The person's side drawn on the picture's left."""
    return "right" if view == "front" else "left"


def chart_part_points(shapes, view, part, side):
    pts = []
    for key, v, p, s, points in shapes:
        if v != view or p != part:
            continue
        if part in ("arm", "hand", "leg") and s != side:
            continue
        pts.extend(points)
    return pts


def bbox(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def box_map(src, dst):
    sx0, sy0, sx1, sy1 = src
    dx0, dy0, dx1, dy1 = dst

    def f(p):
        return (dx0 + (p[0] - sx0) / (sx1 - sx0) * (dx1 - dx0),
                dy0 + (p[1] - sy0) / (sy1 - sy0) * (dy1 - dy0))
    return f


def frame(points):
    """Centroid, unit long axis (pointing down the picture: shoulder to hand),
    unit cross axis, and the extents along both."""
    n = len(points)
    cx = sum(p[0] for p in points) / n
    cy = sum(p[1] for p in points) / n
    sxx = sum((p[0] - cx) ** 2 for p in points) / n
    syy = sum((p[1] - cy) ** 2 for p in points) / n
    sxy = sum((p[0] - cx) * (p[1] - cy) for p in points) / n
    angle = 0.5 * math.atan2(2 * sxy, sxx - syy)
    ux, uy = math.cos(angle), math.sin(angle)
    if uy < 0 or (abs(uy) < 1e-9 and ux < 0):
        ux, uy = -ux, -uy
    vx, vy = -uy, ux
    us = [(p[0] - cx) * ux + (p[1] - cy) * uy for p in points]
    vs = [(p[0] - cx) * vx + (p[1] - cy) * vy for p in points]
    return (cx, cy), (ux, uy), (vx, vy), (min(us), max(us)), (min(vs), max(vs))


def axis_map(src_points, dst_points, outer_sign_src, outer_sign_dst):
    """Maps an arm along its long axis and across it; the across direction is
    oriented so that the outer edge (away from the body) matches."""
    (c1, u1, v1, ur1, vr1) = frame(src_points)
    (c2, u2, v2, ur2, vr2) = frame(dst_points)
    # v points to +x or -x of the picture; make "outer" the positive v.
    if v1[0] * outer_sign_src < 0:
        v1 = (-v1[0], -v1[1])
        vr1 = (-vr1[1], -vr1[0])
    if v2[0] * outer_sign_dst < 0:
        v2 = (-v2[0], -v2[1])
        vr2 = (-vr2[1], -vr2[0])

    def f(p):
        u = (p[0] - c1[0]) * u1[0] + (p[1] - c1[1]) * u1[1]
        v = (p[0] - c1[0]) * v1[0] + (p[1] - c1[1]) * v1[1]
        tu = (u - ur1[0]) / (ur1[1] - ur1[0])
        tv = (v - vr1[0]) / (vr1[1] - vr1[0])
        uu = ur2[0] + tu * (ur2[1] - ur2[0])
        vv = vr2[0] + tv * (vr2[1] - vr2[0])
        return (c2[0] + uu * u2[0] + vv * v2[0], c2[1] + uu * u2[1] + vv * v2[1])
    return f


def polygon(points):
    p = Polygon(points)
    return p if p.is_valid else make_valid(p)


def mapped_segments(sex, view, shapes):
    polys = load_choir(sex, view)
    parts = choir_parts(sex, view, polys)
    mids = {}
    out = {}
    for part in sorted(set(parts.values())):
        segs = [i for i in polys if parts[i] == part]
        src_pts = [p for i in segs for p in polys[i]]
        kind, _, side = part.partition(":")
        dst_pts = chart_part_points(shapes, view, kind, side or None)
        if not dst_pts:
            raise SystemExit(f"the chart has no {part} in the {view} view")
        if kind in ("arm", "hand"):
            # The outer edge: away from the picture's midline.
            src_mid = (bbox([p for ps in polys.values() for p in ps])[0] +
                       bbox([p for ps in polys.values() for p in ps])[2]) / 2
            dst_mid = 100.0
            s_sign = 1 if sum(p[0] for p in src_pts) / len(src_pts) > src_mid else -1
            d_sign = 1 if sum(p[0] for p in dst_pts) / len(dst_pts) > dst_mid else -1
            f = axis_map(src_pts, dst_pts, s_sign, d_sign)
        else:
            f = box_map(bbox(src_pts), bbox(dst_pts))
        mids[part] = f
        for i in segs:
            out[i] = [f(p) for p in polys[i]]
    return out, parts


def crosswalk(shapes):
    result = {}
    for sex in ("female", "male"):
        segments = {}
        for view in ("front", "back"):
            mapped, parts = mapped_segments(sex, view, shapes)
            region_area = {}
            for key, v, p, s, pts in shapes:
                if v == view:
                    region_area[key] = region_area.get(key, 0.0) + polygon(pts).area
            for seg in sorted(mapped):
                sp = polygon(mapped[seg])
                area = sp.area
                hits = {}
                for key, v, p, s, pts in shapes:
                    if v != view:
                        continue
                    inter = sp.intersection(polygon(pts)).area
                    if inter > 0:
                        hits[key] = hits.get(key, 0.0) + inter
                total = sum(hits.values())
                entries = []
                for key, inter in hits.items():
                    share = inter / area
                    if share < MIN_SHARE:
                        continue
                    entries.append({"key": key, "weight": round(inter / total, 3),
                                    "region_share": round(inter / region_area[key], 3)})
                entries.sort(key=lambda e: (-e["weight"], e["key"]))
                segments[str(seg)] = {"view": view, "part": parts[seg], "regions": entries}
        result[sex] = segments
    return result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--picture", help="draw every mapped segment over the chart (SVG)")
    args = ap.parse_args()
    shapes, chart = load_chart()
    data = {
        "note": "CHOIR body map segment -> chart region keys, derived by "
                "tools/choir/crosswalk.py (method in docs/interop.md) and checked by hand. "
                "weight: the share of the segment's overlap with the chart that falls in the "
                "region key (they sum to 1); region_share: the share of the region's area "
                "that the segment covers.",
        "source": "CHOIR Body Map outlines from the R package CHOIRBM (MIT licence, "
                  "data/choir/LICENSE.md); Scherrer KH et al., Pain Reports 2021;6:e880",
        "min_share": MIN_SHARE,
        "sexes": crosswalk(shapes),
    }
    text = json.dumps(data, indent=1, sort_keys=False) + "\n"
    if args.picture:
        picture(shapes, chart, args.picture)
    if args.check:
        if OUT.read_text() != text:
            print(f"{OUT} is not what the chart gives now: run tools/choir/crosswalk.py "
                  "and review the diff", file=sys.stderr)
            return 1
        print(f"{OUT}: up to date")
        return 0
    OUT.write_text(text)
    return 0


def picture(shapes, chart, path):
    """Every CHOIR segment, mapped, over the chart: one panel per sex and view."""
    colours = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#46f0f0", "#f032e6",
               "#9a6324", "#008080", "#800000", "#808000", "#000075"]
    w, h = chart["width"], chart["height"]
    panels = [(s, v) for s in ("female", "male") for v in ("front", "back")]
    scale = 2.0
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{len(panels) * w * scale}" '
           f'height="{(h + 20) * scale}" font-family="sans-serif">',
           '<rect width="100%" height="100%" fill="white"/>']
    for n, (sex, view) in enumerate(panels):
        mapped, _ = mapped_segments(sex, view, shapes)
        out.append(f'<g transform="translate({n * w * scale} {20 * scale}) scale({scale})">')
        out.append(f'<text x="{w / 2}" y="-6" font-size="8" text-anchor="middle">'
                   f'{sex} {view}</text>')
        for key, v, p, s, pts in shapes:
            if v == view:
                d = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
                out.append(f'<polygon points="{d}" fill="#f4f4f4" stroke="#999" '
                           'stroke-width="0.3"/>')
        for i, seg in enumerate(sorted(mapped)):
            pts = mapped[seg]
            c = colours[i % len(colours)]
            d = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
            out.append(f'<polygon points="{d}" fill="{c}" fill-opacity="0.18" stroke="{c}" '
                       'stroke-width="0.6"/>')
            poly = polygon(pts)
            pt = poly.representative_point()
            out.append(f'<text x="{pt.x:.1f}" y="{pt.y:.1f}" font-size="4.2" '
                       f'text-anchor="middle" fill="{c}">{seg}</text>')
        out.append("</g>")
    out.append("</svg>")
    pathlib.Path(path).write_text("\n".join(out) + "\n")


if __name__ == "__main__":
    sys.exit(main())
