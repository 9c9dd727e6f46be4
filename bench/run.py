#!/usr/bin/env python3
"""Validate vs parse-only benchmark, side by side in one run; writes bench/RESULTS.md.

    bench/run.py [--runs N] [--sizes 1000,10000,100000]

Builds the release preset, generates plans with bench/gen_plan.py, then for each size runs
`plantrack validate` and `toml_parse_only` (toml++ alone) alternately, N times each, measuring wall time
(median) and peak RSS (GNU time's %M, median). Goal at 100k tasks: validate <= 1.3x the parse-only time
and <= 1.5x its peak memory.
"""
import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")


def run_once(cmd):
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr}")
    peak_kib = int(proc.stderr.strip().splitlines()[-1])
    return elapsed, peak_kib / 1024.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    if not os.path.exists("/usr/bin/time"):
        sys.exit("bench needs GNU time: apt-get install time")
    subprocess.run(["cmake", "--preset", "release"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", "--preset", "release"], cwd=ROOT, check=True)
    plantrack = os.path.join(ROOT, "build/release/core/plantrack")
    parse_only = os.path.join(ROOT, "build/release/bench/plantrack_bench_parse_only")
    os.makedirs(OUT, exist_ok=True)
    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        plan = os.path.join(OUT, f"national-{size}.toml")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench/gen_plan.py"), str(size), plan], check=True)
        results = {"validate": [], "parse": []}
        for _ in range(args.runs):  # alternate, so both see the same machine noise
            results["validate"].append(run_once([plantrack, "validate", plan]))
            results["parse"].append(run_once([parse_only, plan]))
        med = {k: (statistics.median(t for t, _ in v), statistics.median(m for _, m in v))
               for k, v in results.items()}
        rows.append((size, os.path.getsize(plan) / 2**20, med))
        print(f"{size:>7} tasks: validate {med['validate'][0]:.3f}s {med['validate'][1]:.0f} MiB | "
              f"parse-only {med['parse'][0]:.3f}s {med['parse'][1]:.0f} MiB")
    write_results(rows, args.runs)


def write_results(rows, runs):
    lines = [
        "# Benchmark results",
        "",
        "Produced by `bench/run.py` (do not edit by hand). Medians of "
        f"{runs} alternating runs on {platform.node()} ({os.cpu_count()} cores), "
        f"{datetime.date.today().isoformat()}.",
        "",
        "## validate vs toml++ parse-only (issue 2)",
        "",
        "Plans from `bench/gen_plan.py` (63 provinces x 6 stages, threshold and cross-province edges).",
        "Goal at 100k tasks: time ratio <= 1.3, memory ratio <= 1.5.",
        "",
        "| tasks | file MiB | validate s | parse-only s | time ratio | validate peak MiB | parse-only peak MiB | memory ratio |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, mib, med in rows:
        (vt, vm), (pt, pm) = med["validate"], med["parse"]
        lines.append(f"| {size} | {mib:.1f} | {vt:.3f} | {pt:.3f} | {vt / pt:.2f} | {vm:.0f} | {pm:.0f} | "
                     f"{vm / pm:.2f} |")
    lines += [
        "",
        "What keeps `validate` close to parsing alone (each measured on the 100k plan while building it;",
        "before these: 1.26 s / 284 MiB against 0.71 s / 198 MiB):",
        "- the reader empties each `[[task]]` table once read and moves strings out of the document, so the",
        "  model grows as the document shrinks: peak memory is the parsed document's, not document + model;",
        "- `PlanIndex` (open addressing, no node per id) is built once and shared by checks and graph; the",
        "  checks walk the graph's resolved edges instead of looking ids up again; per-task checks run in",
        "  one pass; the graph is a Boost compressed-sparse-row graph (two arrays, no per-vertex vectors);",
        "- the CLI turns glibc's fast bins off (`M_MXFAST = 0`): otherwise the first large allocation after",
        "  the document is freed pays for coalescing a million TOML nodes at once (~0.25 s at 100k);",
        "- the CLI does not tear down the last plan before exiting (as clang's `-disable-free`): ~4%.",
        "",
    ]
    path = os.path.join(ROOT, "bench", "RESULTS.md")
    later = ""  # sections other benchmarks wrote (bench/track_bench.py) are kept
    if os.path.exists(path):
        old = open(path, encoding="utf-8").read()
        if "\n## Tracking" in old:
            later = "\n## Tracking" + old.split("\n## Tracking", 1)[1]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + later)


if __name__ == "__main__":
    main()
