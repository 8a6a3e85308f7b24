#!/usr/bin/env python3
"""myoref from Python, beside what a notebook user would write instead.

usage: PYTHONPATH=<build>/bindings/python python3 bench_python.py [--drawings N] [--repetitions R]

1. kb.score_batch(x) against `x.astype(np.float32) @ W`, W a dense float32
   matrix of the same shape as the scoring (region keys x candidates), on the
   same sparse drawings (uint8 and float32 in, float32 out), for 1e3..N
   drawings; myoref on one thread and on all (and on all into a reused
   `out=` array), numpy with its BLAS as it comes.
2. The per-call cost of kb.assess(dict) on a typical intake, beside
   json.loads of the same intake's text.

Measurements alternate (myoref, numpy, myoref, ...) so that load from other
processes hits both alike; medians of R repetitions. numpy's matrix product
runs in OpenBLAS: run this with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset
(`make bench` does), and read the kernel it reports.

Each timed block starts from an idle process (settle()), then makes one
untimed call of the function it times. After a call, OpenBLAS's worker
threads busy-wait for new work for a while (about 0.1 s here) before they
sleep: timed right after numpy, myoref's second thread would share a core
with a spinning OpenBLAS thread (and the process CPU time would count the
spinning). The untimed call puts each function in the state of a loop of
calls, which is what is measured: OpenBLAS's threads awake for numpy, the
second core awake for myoref (on this VM a core left idle for 20 ms or more
takes milliseconds to wake, which would hide a second thread's work).
"""
import argparse
import ctypes
import json
import os
import platform
import statistics
import sys
import time

import numpy as np

import myoref

TYPICAL_INTAKE = {
    "pain": [
        {"region": "iliac_crest", "side": "left", "intensity": 6},
        {"region": "sacroiliac", "side": "left", "intensity": 5},
        {"region": "buttock_upper", "side": "left", "intensity": 5},
        {"region": "hip_lateral", "side": "left", "intensity": 4},
        {"region": "sacrum", "intensity": 3},
    ],
    "findings": ["walking", "standing_long", "stairs"],
    "denied": ["sitting_long"],
    "red_flags": [],
    "age": 42,
    "duration_days": 21,
    "onset": "gradual",
}


def blas_info():
    """Which BLAS numpy runs: the library mapped into this process, and for
    OpenBLAS its kernel (core name), configuration and thread count."""
    np.ones((64, 64), np.float32) @ np.ones((64, 64), np.float32)  # load it
    libs = set()
    with open("/proc/self/maps", encoding="utf-8") as maps:
        for line in maps:
            path = line.split()[-1]
            if "blas" in os.path.basename(path) and ".so" in path:
                libs.add(path)
    info = {"libraries": sorted(libs)}
    try:
        import threadpoolctl  # noqa: F401  (used when present)
        info["threadpoolctl"] = threadpoolctl.threadpool_info()
    except ImportError:
        info["threadpoolctl"] = "not installed"
    for path in sorted(libs):
        if "openblas" not in os.path.basename(path):
            continue
        lib = ctypes.CDLL(path)
        for name in ("openblas_get_corename", "openblas_get_config"):
            fn = getattr(lib, name, None)
            if fn is not None:
                fn.restype = ctypes.c_char_p
                info[name] = fn().decode()
        fn = getattr(lib, "openblas_get_num_threads", None)
        if fn is not None:
            info["openblas_get_num_threads"] = fn()
    info["env"] = {k: os.environ.get(k) for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE",
                                                   "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
    return info


def drawings(n, width, seed=1):
    """Sparse drawings as people make them: 1 to 8 painful region keys each,
    intensities 1..10, as uint8 and as float32."""
    rng = np.random.default_rng(seed)
    x = np.zeros((n, width), np.uint8)
    marks = rng.integers(1, 9, n)
    for m in range(1, 9):
        rows = np.nonzero(marks >= m)[0]
        x[rows, rng.integers(0, width, rows.size)] = rng.integers(1, 11, rows.size, dtype=np.uint8)
    return x, x.astype(np.float32)


def median_time(fn, repetitions, inner=1):
    times = []
    for _ in range(repetitions):
        t = time.perf_counter()
        for _ in range(inner):
            fn()
        times.append((time.perf_counter() - t) / inner)
    return statistics.median(times)


def settle(window=0.01, limit=1.0):
    """Waits until no thread of this process uses the CPU (at most `limit`
    seconds): until the process's CPU time grows by less than a tenth of a
    `window` of sleep. After a numpy call OpenBLAS's threads spin for about
    0.1 s; this lets them go to sleep before the next measurement starts."""
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        c = time.process_time()
        time.sleep(window)
        if time.process_time() - c < window / 10:
            return


def interleaved(fns, repetitions, inner=1):
    """Median wall time and median process CPU time (every thread) of each fn,
    the fns run in turn within every repetition, each from an idle process
    (settle()) and after one untimed call. On a shared machine the wall time
    includes waiting for a CPU; the CPU time is the work done."""
    wall = {name: [] for name in fns}
    cpu = {name: [] for name in fns}
    for _ in range(repetitions):
        for name, fn in fns.items():
            settle()
            fn()
            t, c = time.perf_counter(), time.process_time()
            for _ in range(inner):
                fn()
            wall[name].append((time.perf_counter() - t) / inner)
            cpu[name].append((time.process_time() - c) / inner)
    return ({name: statistics.median(ts) for name, ts in wall.items()},
            {name: statistics.median(ts) for name, ts in cpu.items()})


def fmt(seconds):
    if seconds < 1e-3:
        return f"{seconds * 1e6:.2f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds:.2f} s"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--drawings", type=int, default=1_000_000)
    ap.add_argument("--repetitions", type=int, default=7)
    args = ap.parse_args()

    kb = myoref.KnowledgeBase.default()
    width, height = len(kb.region_keys()), len(kb.candidate_keys())
    info = blas_info()
    print(f"python {platform.python_version()}, numpy {np.__version__}, "
          f"myoref {getattr(myoref, '__version__', '?')}")
    print(f"BLAS: {json.dumps(info)}")
    print(f"cpus: {os.cpu_count()}, load average: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"medians of {args.repetitions} repetitions, myoref and numpy interleaved, "
          "each timed block started from an idle process (settle()) and one untimed call")
    print()

    rng = np.random.default_rng(2)
    weights = rng.random((width, height), dtype=np.float32)  # dense, the scoring's shape
    x8_all, x32_all = drawings(args.drawings, width)

    # Same answers as assess() (the contract), so that the comparison is of
    # the real thing: spot-check one row.
    row = kb.score_batch(x8_all[:1])
    assert row.shape == (1, height) and row.dtype == np.float32

    print("wall time, and in brackets process CPU time (all threads)")
    print()
    print("| drawings | input | myoref 1 thread | myoref all threads | myoref all threads, "
          "out= reused | numpy astype @ W | numpy / myoref (all), wall [CPU] | "
          "numpy / myoref (1), wall [CPU] |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    sizes = [n for n in (1_000, 10_000, 100_000, 1_000_000) if n <= args.drawings]
    if args.drawings not in sizes:
        sizes.append(args.drawings)
    for n in sizes:
        for label, x in (("uint8", x8_all[:n]), ("float32", x32_all[:n])):
            reps = args.repetitions if n >= 100_000 else args.repetitions * 3
            inner = max(1, 100_000 // n)
            # The same call into one array again and again: what a new
            # result's first-touch page faults cost the others (numpy pays
            # them too, for its result and for astype's copy).
            reused = np.zeros((n, height), np.float32)
            t, c = interleaved({
                "one": lambda: kb.score_batch(x, threads=1),
                "all": lambda: kb.score_batch(x),
                "out": lambda: kb.score_batch(x, out=reused),
                "numpy": lambda: x.astype(np.float32) @ weights,
            }, reps, inner)
            cell = {k: f"{fmt(t[k])} [{fmt(c[k])}]" for k in t}
            print(f"| {n:,} | {label} | {cell['one']} | {cell['all']} | {cell['out']} | "
                  f"{cell['numpy']} | "
                  f"{t['numpy'] / t['all']:.2f}x [{c['numpy'] / c['all']:.2f}x] | "
                  f"{t['numpy'] / t['one']:.2f}x [{c['numpy'] / c['one']:.2f}x] |")
    print()

    text = json.dumps(TYPICAL_INTAKE)
    kb.assess(TYPICAL_INTAKE)  # first call pays the knowledge base's hash, once
    calls = 2000
    t, c = interleaved({
        "assess": lambda: kb.assess(TYPICAL_INTAKE),
        "assess_text": lambda: kb.assess(text),
        "loads": lambda: json.loads(text),
        "assess_to_dict": lambda: kb.assess(TYPICAL_INTAKE).to_dict(),
    }, args.repetitions * 3, calls)
    print("| call (typical intake: 5 marks, 3 findings) | per call, wall | per call, CPU | vs json.loads (wall) |")
    print("| --- | --- | --- | --- |")
    for name, label in (("assess", "kb.assess(dict)"), ("assess_text", "kb.assess(json text)"),
                        ("assess_to_dict", "kb.assess(dict).to_dict()"),
                        ("loads", "json.loads(intake text) (baseline)")):
        print(f"| {label} | {fmt(t[name])} | {fmt(c[name])} | {t[name] / t['loads']:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
