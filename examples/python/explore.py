#!/usr/bin/env python3
"""A tour of myoref from Python: the script version of explore.ipynb.

    python3 explore.py [--out DIR]

1. a muscle and its referral pattern (saved as an SVG picture),
2. one person's pain drawing: triage, ranked candidates and why,
3. a self-care plan: what to do next, and two logged sessions,
4. a batch of synthetic pain drawings scored at once with numpy, summarised
   in a plot.

Pictures and the plot are written to DIR (a new temporary folder by default).
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import tempfile
import textwrap

import numpy as np

import myoref


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, help="folder for pictures and the plot")
    args = parser.parse_args()
    out = args.out or pathlib.Path(tempfile.mkdtemp(prefix="myoref-explore-"))
    out.mkdir(parents=True, exist_ok=True)

    kb = myoref.KnowledgeBase.default()
    print(kb)

    # --- 1. A muscle and its referral pattern -------------------------------
    gm = kb.muscles["gluteus_medius"]
    print(f"\n{gm.name}: {textwrap.shorten(gm.summary.text, 100)}")
    for tp in gm.trigger_points:
        print(f"  {tp.name}: essential {', '.join(tp.essential)}; "
              f"spillover {', '.join(tp.spillover) or '-'}")
    print("  check next:", ", ".join(m.name for m in gm.related))
    gm.render("left").save(out / "gluteus_medius.svg")

    # --- 2. One person's pain drawing ---------------------------------------
    intake = {
        "pain": [
            {"region": "buttock_upper", "side": "left", "intensity": 6},
            {"region": "sacroiliac", "side": "left", "intensity": 5},
            {"region": "iliac_crest", "side": "left", "intensity": 4},
            {"region": "sacrum", "intensity": 3},
        ],
        "findings": ["walking", "lying_on_painful_side"],
        "denied": ["sitting_long"],
        "age": 42,
        "duration_days": 21,
    }
    # The red-flag questions come first: a question never asked is never
    # taken as answered no. This person answers no to every one.
    questions = kb.questions(intake)
    print(f"\n{len(questions)} questions to ask first, most severe first:")
    for q in questions[:3]:
        print(f"  [{q['level']}] {textwrap.shorten(q['text'], 90)}")
    intake["red_flags_denied"] = [q["id"] for q in questions]
    assessment = kb.assess(intake)
    print(f"\ntriage: {assessment.triage.level}")
    for c in assessment.candidates[:3]:
        print(f"  {c.rank + 1}. {c.key:28} {c.score:.2f}  explains {', '.join(c.explained)}")
        for reason in c.basis[:2]:
            print(f"       - {textwrap.shorten(reason, 90)}")
    print("  together these explain the drawing:", ", ".join(assessment.cover))
    assessment.top.render().save(out / "overlay.svg")
    assessment.report().save(out / "report.html")

    # --- 3. A self-care plan ----------------------------------------------------
    plan = myoref.Plan.start(kb, assessment)
    step = plan.next_step()
    print(f"\nplan: {plan.status}, work on {step.name} ({step.side})")
    for s in step.steps:
        first = s.exercises[0]
        print(f"  {s.step:10} {first.name} - {first.dose_text}")
    for date, before, after in (("2026-11-24", 6, 5), ("2026-11-26", 5, 3)):
        decision = plan.log({"date": date, "target": plan.target,
                             "steps": ["release", "stretch", "strengthen"],
                             "pain_before": before, "pain_after": after, "red_flags": []})
        print(f"  {date}: pain {before} -> {after}: {decision.outcome}, "
              f"relief={decision.relief}")
    (out / "plan.json").write_text(plan.to_json(), encoding="utf-8")

    # --- 4. A batch of pain drawings ----------------------------------------
    drawings, sources = synthetic_drawings(kb, 5000, seed=1)
    scores = kb.score_batch(drawings)  # (5000, candidates), float32
    keys = np.array(kb.candidate_keys())
    order = np.argsort(-scores, axis=1, kind="stable")
    top1 = keys[order[:, 0]]
    top3 = keys[order[:, :3]]
    hit1 = np.mean(top1 == sources)
    hit3 = np.mean((top3 == sources[:, None]).any(axis=1))
    print(f"\n{len(drawings)} synthetic drawings: the muscle and side that made the drawing "
          f"is ranked first in {hit1:.0%}, in the top three in {hit3:.0%}")
    counts = collections.Counter(top1)
    for key, n in counts.most_common(5):
        print(f"  {key:28} top candidate in {n} drawings")
    plot_summary(kb, scores, sources, top1, out / "batch.png")
    print(f"\npictures, report, plan and plot written to {out}")


def synthetic_drawings(kb, n, seed=0):
    """Rough pain drawings made from the knowledge base's own referral zones:
    one muscle on a random side, one of its trigger points, the essential zone
    painful, some of the spillover zone, and now and then an unrelated region.
    Returns the drawings (n x regions, uint8) and the candidate key (muscle and
    side) behind each one."""
    rng = np.random.default_rng(seed)
    columns = {key: i for i, key in enumerate(kb.region_keys())}
    paired = {r.id: r.laterality == "paired" for r in kb.regions}
    muscles = list(kb.muscles)
    x = np.zeros((n, len(columns)), dtype=np.uint8)
    sources = []
    for row in range(n):
        muscle = muscles[rng.integers(len(muscles))]
        side = None if muscle.midline else ("left" if rng.random() < 0.5 else "right")
        tp = muscle.trigger_points[rng.integers(len(muscle.trigger_points))]

        def key(region):
            return f"{region}:{side or 'left'}" if paired[region] else region

        for region in tp.essential:
            x[row, columns[key(region)]] = rng.integers(4, 9)
        for region in tp.spillover:
            if rng.random() < 0.3:
                x[row, columns[key(region)]] = max(x[row, columns[key(region)]],
                                                   rng.integers(1, 4))
        if rng.random() < 0.2:
            x[row, rng.integers(len(columns))] = rng.integers(1, 5)
        sources.append(f"{muscle.id}:{side}" if side else muscle.id)
    return x, np.array(sources)


def plot_summary(kb, scores, sources, top1, path):
    """Per muscle: how often the muscle (and side) behind a drawing comes out
    on top, and the spread of the best score."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = {m.id: m.name for m in kb.muscles}
    muscle_of = np.array([key.split(":")[0] for key in sources])
    ids = sorted(set(muscle_of))
    rate = [np.mean(top1[muscle_of == m] == sources[muscle_of == m]) for m in ids]
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 6), constrained_layout=True)
    left.barh([names[m] for m in ids], rate, color="#c62828")
    left.set_xlim(0, 1)
    left.set_xlabel("ranked first (share of its drawings)")
    left.invert_yaxis()
    right.hist(scores.max(axis=1), bins=30, color="#1045a8")
    right.set_xlabel("best score of each drawing")
    right.set_ylabel("drawings")
    fig.suptitle("Synthetic pain drawings scored with KnowledgeBase.score_batch")
    fig.savefig(path, dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    main()
