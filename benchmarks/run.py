#!/usr/bin/env python3
"""Runs the Google Benchmark programs of a build and prints medians and ratios.

usage: run.py BUILD_DIR [--repetitions N] [--filter REGEX] [--json OUT]

Every program runs with repetitions, repetitions interleaved at random across
its benchmarks (so a burst of load from other processes hits measurement and
baseline alike), and only the aggregates reported. A benchmark names its
baseline in its label ("vs BM_X"; BM_X with the benchmark's own arguments
when it names none); the table gives the ratio of the two medians, taken
from the same process run. The machine this runs on is shared
and noisy: read the medians, and the ratios before the absolute numbers.
"""
import argparse
import json
import os
import pathlib
import re
import subprocess
import sys


def run_program(path, repetitions, bench_filter, min_time):
    cmd = [
        str(path),
        f"--benchmark_repetitions={repetitions}",
        "--benchmark_enable_random_interleaving=true",
        "--benchmark_report_aggregates_only=true",
        "--benchmark_format=json",
    ]
    if min_time:
        cmd.append(f"--benchmark_min_time={min_time}")
    if bench_filter:
        cmd.append(f"--benchmark_filter={bench_filter}")
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    # A program none of whose benchmarks the filter matches prints nothing.
    return json.loads(out) if out.strip() else None


def to_us(value, unit):
    scale = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}[unit]
    return value * scale


def fmt_time(us):
    if us < 1:
        return f"{us * 1000:.1f} ns"
    if us < 1000:
        return f"{us:.2f} µs"
    return f"{us / 1000:.2f} ms"


# A path this CPU lacks is skipped by design (BM_ScoreBatchPath*), not a failure.
EXPECTED_SKIPS = ("this CPU does not run the path",)


def errors(program, doc):
    """The benchmarks that stopped with an error, as lines: a benchmark whose
    setup fails (an intake the knowledge base refuses, say) reports nothing."""
    out = []
    for b in doc["benchmarks"]:
        message = b.get("error_message", "")
        if b.get("error_occurred") and not message.startswith(EXPECTED_SKIPS):
            line = f"{program} {b.get('run_name', b['name'])}: {message}"
            if line not in out:
                out.append(line)
    return out


def collect(doc):
    """name -> {real, cpu (µs), label, counters, cv} from the median/cv aggregates."""
    rows = {}
    for b in doc["benchmarks"]:
        if b.get("run_type") != "aggregate":
            continue
        name = b["run_name"]
        row = rows.setdefault(name, {"label": "", "counters": {}})
        agg = b["aggregate_name"]
        if agg == "median":
            row["real"] = to_us(b["real_time"], b["time_unit"])
            row["cpu"] = to_us(b["cpu_time"], b["time_unit"])
            row["label"] = b.get("label", "")
            skip = {"name", "run_name", "run_type", "repetitions", "repetition_index",
                    "threads", "aggregate_name", "aggregate_unit", "iterations",
                    "real_time", "cpu_time", "time_unit", "label", "family_index",
                    "per_family_instance_index"}
            row["counters"] = {k: v for k, v in b.items() if k not in skip}
        elif agg == "cv":
            row["cv"] = b["real_time"]  # a fraction
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build")
    ap.add_argument("--repetitions", type=int, default=10)
    ap.add_argument("--filter", default="")
    ap.add_argument("--min-time", default="", help="seconds per repetition (Google Benchmark's --benchmark_min_time)")
    ap.add_argument("--json", help="also write every median here")
    args = ap.parse_args()

    programs = sorted(pathlib.Path(args.build, "benchmarks").glob("bench_*"))
    programs = [p for p in programs if p.is_file() and os.access(p, os.X_OK)]
    if not programs:
        sys.exit(f"run.py: no benchmark programs under {args.build}/benchmarks")

    results = {}
    context = None
    failed = []
    for program in programs:
        print(f"== {program.name} ({args.repetitions} repetitions)", file=sys.stderr, flush=True)
        doc = run_program(program, args.repetitions, args.filter, args.min_time)
        if doc is None:
            continue
        context = context or doc["context"]
        failed += errors(program.name, doc)
        rows = collect(doc)
        results[program.name] = rows

    print(f"host: {context['host_name']}, {context['num_cpus']} CPUs at {context['mhz_per_cpu']} MHz,"
          f" load average {', '.join(f'{x:.1f}' for x in context.get('load_avg', []))}")
    print(f"medians of {args.repetitions} repetitions, randomly interleaved; "
          "ratio = this median / its baseline's median (same process)")
    print()
    print("| program | benchmark | median (wall) | median (CPU) | cv | baseline | ratio (wall) | ratio (CPU) | counters |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for program, rows in results.items():
        for name, row in rows.items():
            if "real" not in row:
                continue
            base_name = ""
            m = re.search(r"vs (BM_\S+)", row["label"])
            ratio_wall = ratio_cpu = ""
            if m:
                base_name = m.group(1)
                # "vs BM_X" on "BM_Y/1000/1" means BM_X with the same arguments.
                if "/" not in base_name and "/" in name:
                    base_name += name[name.index("/"):]
                base = rows.get(base_name)
                if base and "real" in base:
                    ratio_wall = f"{row['real'] / base['real']:.2f}x"
                    ratio_cpu = f"{row['cpu'] / base['cpu']:.2f}x"
            counters = ", ".join(
                f"{k}={v:.4g}" for k, v in row["counters"].items() if isinstance(v, (int, float)))
            cv = f"{row['cv'] * 100:.0f}%" if "cv" in row else ""
            print(f"| {program} | {name} | {fmt_time(row['real'])} | {fmt_time(row['cpu'])} | {cv} "
                  f"| {base_name} | {ratio_wall} | {ratio_cpu} | {counters} |")

    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"context": context, "results": results}, f, indent=2)
    if failed:
        print(file=sys.stderr)
        for line in failed:
            print(f"run.py: {line}", file=sys.stderr)
        sys.exit(f"run.py: {len(failed)} benchmarks failed (a table without them measures nothing)")


if __name__ == "__main__":
    main()
