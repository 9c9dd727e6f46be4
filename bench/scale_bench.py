#!/usr/bin/env python3
"""Unknown references, plan diff and `why` at scale (issue 12, items 6 and 10).

    bench/scale_bench.py [--runs N] [--plantrack BIN] [--save FILE.json] [--baseline FILE.json]

Builds the release preset (unless --plantrack names a binary), generates its plans and measures
(medians of N runs, each stopped after 120 s):
- `validate` of a plan of 20,000 tasks each naming an unknown task close to a real id (every one
  asks for a "did you mean"), and of a plan with one 100,000-character unknown id;
- `diff` of two 100k-task and two 1M-task plans (targets changed, tasks renamed, added, removed);
- `why` (text and JSON) on the last task of a 100k-task dependency chain, nothing done (and the
  output's size in bytes).
--save writes the figures as JSON; --baseline reads such a file (a run of the code before the
change) and shows it beside this run. Rewrites its section of bench/RESULTS.md.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from results import write_section

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARK = "## Unknown references, diff and why at scale (issue 12)"
TIMEOUT = 120


def header(out, plan_id):
    out.write(f'format = 1\n\n[plan]\nid = "{plan_id}"\ntitle = "Scale"\nperiod = {{ start = 2026, end = 2026 }}\n\n')
    out.write('[[stage]]\nid = "work"\ntitle = "Work"\n\n')


def task(out, tid, target=10, depends=None, renamed=None):
    out.write(f'[[task]]\nid = "{tid}"\nstage = "work"\ntitle = "Task {tid}"\nunit = "bài"\ntarget = {target}\n')
    if depends:
        out.write("depends_on = [" + ", ".join(f'"{d}"' for d in depends) + "]\n")
    if renamed:
        out.write(f'renamed_from = "{renamed}"\n')
    out.write("\n")


def unknown_refs_plan(path, tasks):
    with open(path, "w") as out:
        header(out, "unknown-refs")
        for i in range(tasks):  # "t-00042" depends on "t-0042x": one edit away from a real id
            task(out, f"t-{i:05d}", depends=[f"t-{(i + 1) % tasks:05d}x"])


def long_id_plan(path):
    with open(path, "w") as out:
        header(out, "long-id")
        for i in range(1000):
            task(out, f"t-{i:05d}")
        task(out, "last", depends=["a" * 100_000])


def diff_plans(old, new, tasks):
    with open(old, "w") as a, open(new, "w") as b:
        header(a, "diff")
        header(b, "diff")
        for i in range(tasks):
            task(a, f"t-{i:07d}")
            if i % 10 == 0:
                continue  # removed
            if i % 10 == 1:
                task(b, f"n-{i:07d}", renamed=f"t-{i:07d}")
            else:
                task(b, f"t-{i:07d}", target=20 if i % 10 == 2 else 10)
        for i in range(tasks // 10):
            task(b, f"added-{i:07d}")


def chain_plan(path, tasks):
    with open(path, "w") as out:
        header(out, "chain")
        for i in range(tasks):
            task(out, f"c-{i:06d}", depends=[f"c-{i - 1:06d}"] if i else None)


def run(cmd, env):
    """(seconds, output bytes, exit status), or (None, None, None) when stopped after TIMEOUT."""
    start = time.perf_counter()
    try:
        done = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, None, None
    return time.perf_counter() - start, len(done.stdout), done.returncode


def measure(cmd, env, runs):
    times, size, status = [], None, None
    for _ in range(runs):
        seconds, size, status = run(cmd, env)
        if seconds is None:
            return None, None, None
        times.append(seconds)
    return statistics.median(times), size, status


def text(figure):
    if figure.get("seconds") is None:
        return f"> {TIMEOUT} (stopped)"
    crashed = figure.get("status") is not None and figure["status"] < 0
    return f"{figure['seconds']:.2f}" + (f" (crashed, signal {-figure['status']})" if crashed else "")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--plantrack")
    parser.add_argument("--save")
    parser.add_argument("--baseline")
    args = parser.parse_args()
    plantrack = args.plantrack
    if not plantrack:
        subprocess.run(["bash", "-c", "source scripts/lib.sh && build_preset release"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        plantrack = os.path.join(ROOT, "build/release/core/plantrack")
    work = tempfile.mkdtemp(prefix="plantrack-scale-bench-")
    env = dict(os.environ, PLANTRACK_CACHE_DIR="off", PLANTRACK_NOW="2026-06-01T09:00:00Z")
    env.pop("PLANTRACK_DB", None)
    p = lambda name: os.path.join(work, name)  # noqa: E731
    unknown_refs_plan(p("refs.toml"), 20_000)
    long_id_plan(p("long.toml"))
    diff_plans(p("old-100k.toml"), p("new-100k.toml"), 100_000)
    diff_plans(p("old-1m.toml"), p("new-1m.toml"), 1_000_000)
    chain_plan(p("chain.toml"), 100_000)
    cases = [
        ("validate, 20,000 unknown task references", [plantrack, "validate", p("refs.toml")]),
        ("validate, one 100,000-character unknown id", [plantrack, "validate", p("long.toml")]),
        ("diff, 100k tasks", [plantrack, "diff", p("old-100k.toml"), p("new-100k.toml")]),
        ("diff, 1M tasks", [plantrack, "diff", p("old-1m.toml"), p("new-1m.toml")]),
        ("why, 100k-task chain", [plantrack, "why", p("chain.toml"), "c-099999", "--db", p("chain.db")]),
        ("why --format json, 100k-task chain",
         [plantrack, "why", p("chain.toml"), "c-099999", "--db", p("chain.db"), "--format", "json"]),
    ]
    figures = {}
    for name, cmd in cases:
        seconds, size, status = measure(cmd, env, args.runs)
        figures[name] = {"seconds": seconds, "bytes": size, "status": status}
        print(name, text(figures[name]), size, file=sys.stderr)
    if args.save:
        json.dump(figures, open(args.save, "w"), indent=2)
    baseline = json.load(open(args.baseline)) if args.baseline else {}
    lines = [MARK, "",
             f"`python3 bench/scale_bench.py --runs {args.runs}` on {time.strftime('%Y-%m-%d')}, "
             f"{os.cpu_count()} cores, release build; medians, each run stopped after {TIMEOUT} s. "
             "Before: the code before issue 12 (`--baseline`).", "",
             "| command | before s | before output bytes | after s | after output bytes |",
             "|---|---:|---:|---:|---:|"]
    for name, _ in cases:
        b = baseline.get(name, {})
        a = figures[name]
        bb = "-" if b.get("bytes") is None else f"{b['bytes']:,}"
        ab = "-" if a["bytes"] is None else f"{a['bytes']:,}"
        before = text(b) if b else "-"
        lines.append(f"| {name} | {before} | {bb} | {text(a)} | {ab} |")
    lines += ["",
              "What changed: `why` walks the unmet dependencies breadth first, once each, and prints the first and",
              "last 10 (JSON: `waiting_on`); \"did you mean\" skips words over 64 bytes and ids whose length differs",
              "by more than the allowed distance, bounds each distance (banded, early exit), finds one-edit typos",
              "through an index of the ids' one-deletion variants and shares a budget for farther ones; `diff`",
              "looks ids up in hash maps (PlanIndex) instead of scanning the other plan per item.",
              "The before figures are in `bench/scale_baseline.json` (a run of the code before the change)."]
    write_section(MARK, lines)


if __name__ == "__main__":
    main()
