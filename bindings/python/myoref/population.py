"""Pictures of many drawings at once: how often each region is marked, and
which candidates come first.

::

    wide = myoref.choir.drawings(kb, maps)            # or any frame by region key
    freq = myoref.population.frequency(wide)          # share of drawings marking each key
    myoref.population.frequency_map(kb, freq)         # an SVG heat map with its own legend
    scores = kb.score_frame(wide)
    top = myoref.population.top_candidates(scores)    # one row per drawing: top, tied, explained
    myoref.population.top_chart(top)                  # the distribution of top candidates

The heat map's colours are a share of drawings (0 % to the largest share),
on a scale of their own (white to dark blue), never the pain scale: a region
marked by many people is not a region that hurts more.
"""

from __future__ import annotations

import html
import json
from typing import Any

from ._display import SVG

__all__ = ["frequency", "frequency_map", "top_candidates", "top_chart"]

# White to dark blue, perceptually even enough for a few steps.
_SCALE = [(0xf7, 0xfb, 0xff), (0xc6, 0xdb, 0xef), (0x6b, 0xae, 0xd6), (0x21, 0x71, 0xb5),
          (0x08, 0x30, 0x6b)]


def _colour(t: float) -> str:
    t = min(max(t, 0.0), 1.0) * (len(_SCALE) - 1)
    i = min(int(t), len(_SCALE) - 2)
    f = t - i
    a, b = _SCALE[i], _SCALE[i + 1]
    return "#%02x%02x%02x" % tuple(round(a[k] + (b[k] - a[k]) * f) for k in range(3))


def frequency(wide) -> Any:
    """The share (0..1) of drawings (rows) marking each region key (column)
    with pain above 0: a pandas Series indexed by region key."""
    return (wide > 0).mean(axis=0)


def frequency_map(kb, freq, *, title: str = "How often each region is marked",
                  count: int | None = None) -> SVG:
    """Front and back views with every region key filled by its share of
    drawings, and a legend of that scale (in %)."""
    chart = json.loads(kb.to_json())["chart"]
    regions = {r["id"]: r for r in json.loads(kb.to_json())["regions"]}
    w, h = chart["width"], chart["height"]
    top = max(float(freq.max()), 1e-9)
    gap, head, legend_h = 24, 46, 70
    width = 2 * w + gap + 24
    height = head + h + legend_h
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
           f'width="{width * 2}" height="{height * 2}" font-family="sans-serif" role="img">',
           f"<title>{html.escape(title)}</title>",
           f'<desc>Share of {count if count is not None else "all"} drawings that mark each '
           "region, from white (none) to dark blue (the largest share).</desc>",
           '<rect width="100%" height="100%" fill="white"/>',
           f'<text x="{width / 2}" y="16" font-size="11" font-weight="bold" '
           f'text-anchor="middle">{html.escape(title)}</text>']
    if count is not None:
        out.append(f'<text x="{width / 2}" y="30" font-size="8" text-anchor="middle" '
                   f'fill="#555">{count:,} drawings</text>')
    for n, view in enumerate(("front", "back")):
        x0 = 12 + n * (w + gap)
        out.append(f'<text x="{x0 + w / 2}" y="{head - 4}" font-size="9" '
                   f'text-anchor="middle">{view.capitalize()}</text>')
        left, right = ("R", "L") if view == "front" else ("L", "R")
        out.append(f'<text x="{x0 + 2}" y="{head - 4}" font-size="8" fill="#555">{left}</text>')
        out.append(f'<text x="{x0 + w - 2}" y="{head - 4}" font-size="8" text-anchor="end" '
                   f'fill="#555">{right}</text>')
        out.append(f'<g transform="translate({x0} {head})">')
        for s in chart["shapes"]:
            if s["view"] != view or regions[s["region"]].get("parts"):
                continue
            axis = s.get("axis", w / 2)
            sides = [("left", s["points"])]
            if regions[s["region"]]["laterality"] == "paired":
                sides.append(("right", [[2 * axis - x, y] for x, y in s["points"]]))
            for side, pts in sides:
                key = s["region"] + (":" + side if regions[s["region"]]["laterality"] == "paired"
                                     else "")
                share = float(freq.get(key, 0.0))
                d = " ".join(f"{x:g},{y:g}" for x, y in pts)
                out.append(f'<polygon points="{d}" fill="{_colour(share / top)}" stroke="#999" '
                           f'stroke-width="0.4"><title>{html.escape(key)}: '
                           f"{share * 100:.1f} %</title></polygon>")
        for line in chart["outline"][view]:
            d = " ".join(f"{x:g},{y:g}" for x, y in line)
            out.append(f'<polygon points="{d}" fill="none" stroke="#444" stroke-width="0.8"/>')
        out.append("</g>")
    # Legend: the scale from 0 to the largest share.
    ly = head + h + 18
    lx, lw = width / 2 - 100, 200
    out.append('<defs><linearGradient id="freq-scale">' + "".join(
        f'<stop offset="{i / (len(_SCALE) - 1):g}" stop-color="{_colour(i / (len(_SCALE) - 1))}"/>'
        for i in range(len(_SCALE))) + "</linearGradient></defs>")
    out.append(f'<rect x="{lx}" y="{ly}" width="{lw}" height="10" fill="url(#freq-scale)" '
               'stroke="#444" stroke-width="0.4"/>')
    for i in range(5):
        t = i / 4
        out.append(f'<text x="{lx + t * lw:g}" y="{ly + 21}" font-size="7" '
                   f'text-anchor="middle">{t * top * 100:.0f} %</text>')
    out.append(f'<text x="{width / 2}" y="{ly + 34}" font-size="8" text-anchor="middle" '
               'fill="#333">share of drawings marking the region (not how much it hurts)</text>')
    out.append("</svg>")
    return SVG("\n".join(out) + "\n")


def top_candidates(scores) -> Any:
    """One row per drawing: ``top`` (the candidate key with the highest score,
    None when nothing scores), ``score``, ``tied`` (another candidate has
    exactly that score), from a ``kb.score_frame`` result."""
    import numpy as np
    import pandas as pd

    x = scores.to_numpy()
    best = x.max(axis=1)
    arg = x.argmax(axis=1)
    ties = (x == best[:, None]).sum(axis=1) > 1
    keys = np.array(scores.columns, dtype=object)
    top = np.where(best > 0, keys[arg], None)
    return pd.DataFrame({"top": top, "score": best, "tied": ties & (best > 0)},
                        index=scores.index)


def top_chart(top, *, n: int = 15, title: str = "Top candidate per drawing") -> SVG:
    """A bar chart of how often each muscle comes first (sides joined), with
    the share of drawings where the first place is tied and where no muscle
    scores."""
    muscles = top["top"].dropna().map(lambda k: k.split(":")[0])
    counts = muscles.value_counts().head(n)
    total = len(top)
    none = int(top["top"].isna().sum())
    tied = int(top["tied"].sum())
    bar_h, left, width = 14, 170, 520
    height = 40 + bar_h * len(counts) + 40
    peak = max(int(counts.max()) if len(counts) else 1, 1)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" font-family="sans-serif" role="img">',
           f"<title>{html.escape(title)}</title>",
           '<rect width="100%" height="100%" fill="white"/>',
           f'<text x="{width / 2}" y="16" font-size="12" font-weight="bold" '
           f'text-anchor="middle">{html.escape(title)}</text>',
           f'<text x="{width / 2}" y="30" font-size="9" text-anchor="middle" fill="#555">'
           f"{total:,} drawings; first place tied in {tied / total * 100:.1f} %; "
           f"no muscle scores in {none / total * 100:.1f} %</text>"]
    for i, (muscle, c) in enumerate(counts.items()):
        y = 40 + i * bar_h
        bw = (width - left - 60) * c / peak
        out.append(f'<text x="{left - 6}" y="{y + 10}" font-size="9" text-anchor="end">'
                   f"{html.escape(muscle)}</text>")
        out.append(f'<rect x="{left}" y="{y + 2}" width="{bw:.1f}" height="{bar_h - 4}" '
                   'fill="#2171b5"/>')
        out.append(f'<text x="{left + bw + 4:.1f}" y="{y + 10}" font-size="8">'
                   f"{c / total * 100:.1f} %</text>")
    out.append("</svg>")
    return SVG("\n".join(out) + "\n")
