"""The CHOIR body map (Scherrer et al., Pain Reports 2021) to myoref and back.

CHOIR's body map has 74 segments: 101-136 in the front view, 201-238 in the
back. The crosswalk (``data/choir/crosswalk.json``, derived from the segment
outlines and the chart's regions by polygon overlap and checked by hand; see
docs/interop.md) maps each segment to the chart's region keys with weights.
The two sexes' maps number segments 112-117 differently, so ``sex`` is always
given::

    intake = myoref.choir.intake(kb, "128,117,107", sex="female")   # an intake dict
    kb.assess(intake).top.key
    myoref.choir.segments(kb, intake, sex="female")                   # [107, 117, 128]

For many maps (a registry export), :func:`drawings` builds the wide frame
that ``kb.score_frame`` takes and :func:`assess_maps` one row per map.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Union

from ._core import KnowledgeBase, _choir_from_intake, _intake_from_choir

__all__ = ["intake", "segments", "drawings", "assess_maps", "SEXES"]

#: The two numberings of the CHOIR body map.
SEXES = ("female", "male")

Segments = Union[str, Iterable[int]]


def _text(segs: Segments) -> str:
    if isinstance(segs, str):
        return segs
    return ",".join(str(int(s)) for s in segs)


def _sex(sex: str) -> str:
    s = str(sex).strip().lower()
    return {"f": "female", "m": "male"}.get(s, s)


def intake(kb: KnowledgeBase, segs: Segments, sex: str, intensity: int = 5) -> dict:
    """The intake (canonical dict) of a CHOIR map's marked segments.

    Args:
        segs: ``"128,117,107"`` or a list of segment numbers.
        sex: ``"female"`` or ``"male"`` (``"Female"``, ``"F"`` also work): the
            numbering of the map.
        intensity: 1..10, the pain given to a region mostly inside a marked
            segment or mostly covered by marked segments (CHOIR records none;
            5 is the middle of the scale). A region that only catches the
            edge of a segment gets a part of it, at least 1.
    Raises:
        InputError: a number that is not a CHOIR segment, or repeated (the
            path is its position, ``/2``); InvalidArgument: a bad sex or
            intensity.
    """
    return _intake_from_choir(kb, _text(segs), _sex(sex), intensity)


def segments(kb: KnowledgeBase, drawing: Union[Mapping[str, Any], str, bytes, Any],
             sex: str) -> list[int]:
    """The CHOIR segments (ascending) that a drawing's painful regions fall in:
    the reverse of :func:`intake`, for exporting to a CHOIR registry.
    ``drawing`` is an intake, an assessment document or an Assessment."""
    if hasattr(drawing, "to_json") and hasattr(drawing, "intake"):
        drawing = drawing.to_json()
    text = _choir_from_intake(kb, drawing, _sex(sex))
    return [int(s) for s in text.split(",")] if text else []


def drawings(kb: KnowledgeBase, maps: Any, *, segments_column: str = "bodymap_regions_csv",
             sex_column: str = "gender", intensity: int = 5):
    """A wide frame (one column per region key, as ``kb.score_frame`` takes)
    from a frame of CHOIR maps, one row per map, keeping its index. Rows
    with no segment are all 0."""
    import numpy as np
    import pandas as pd

    keys = kb.region_keys()
    position = {k: i for i, k in enumerate(keys)}
    x = np.zeros((len(maps), len(keys)), dtype=np.uint8)
    for row, (segs, sex) in enumerate(zip(maps[segments_column], maps[sex_column])):
        if not isinstance(segs, str) or not segs.strip():
            continue
        for mark in intake(kb, segs, sex, intensity)["pain"]:
            key = mark["region"] + (":" + mark["side"] if "side" in mark else "")
            x[row, position[key]] = mark["intensity"]
    return pd.DataFrame(x, index=maps.index, columns=keys)


def assess_maps(kb: KnowledgeBase, maps: Any, *, segments_column: str = "bodymap_regions_csv",
                sex_column: str = "gender", intensity: int = 5, top: int = 3):
    """One row per CHOIR map (the columns of ``kb.assess_frame``), each map
    read with :func:`intake`. Maps with no segment get the ``error`` column."""
    import pandas as pd

    intakes = []
    for segs, sex in zip(maps[segments_column], maps[sex_column]):
        if isinstance(segs, str) and segs.strip():
            intakes.append(intake(kb, segs, sex, intensity))
        else:
            intakes.append({"pain": []})
    return kb.assess_frame(pd.Series(intakes, index=maps.index), top=top, errors="record")
