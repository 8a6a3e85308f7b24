"""The cost of Assessment.to_dict() against the assessment itself.

Usage: /usr/bin/python3 benchmarks/python/bench_to_dict.py [BUILD_DIR] [INTAKE.json]

CPU time (time.process_time), best of 7 runs of 3,000 calls each, the four
calls interleaved run by run so that a loaded machine slows them alike. The
figure that matters is the ratio of to_dict to assess, printed last.
"""
import json
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
build = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build"
sys.path.insert(0, str(build / "bindings" / "python"))
import myoref  # noqa: E402

intake_path = (pathlib.Path(sys.argv[2]) if len(sys.argv) > 2
               else ROOT / "examples" / "intakes" / "gluteus_medius_classic.json")
intake = json.loads(intake_path.read_text())
kb = myoref.KnowledgeBase.default()
a = kb.assess(intake)
assert a.to_dict() == json.loads(a.to_json()), "to_dict must equal json.loads(to_json())"

calls = {
    "kb.assess(dict)": lambda: kb.assess(intake),
    "a.to_json()": a.to_json,
    "a.to_dict()": a.to_dict,
    "json.loads(a.to_json())": lambda: json.loads(a.to_json()),
}
N, RUNS = 3000, 7
best = {name: float("inf") for name in calls}
for _ in range(RUNS):
    for name, fn in calls.items():
        start = time.process_time()
        for _ in range(N):
            fn()
        best[name] = min(best[name], (time.process_time() - start) / N)
for name, seconds in best.items():
    print(f"{name:26s} {seconds * 1e6:8.1f} µs")
print(f"to_dict / assess: {best['a.to_dict()'] / best['kb.assess(dict)']:.1f}x")
