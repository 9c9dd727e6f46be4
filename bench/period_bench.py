#!/usr/bin/env python3
"""Period views (issue 14): a period's report and status against plain status on one store.

    bench/period_bench.py [--runs N]

Builds the release preset; generates a 10k-task plan (bench/gen_plan.py, a programme of 2021-2030)
and 1M progress records (bench/gen_events.py), imported into a fresh store; then measures, in one
run, medians of N runs each: `status` (the floor), `status --period 2025-Q2`, `report --period
2025-Q2` (Markdown to /dev/null), `report` of the whole programme, and `status --period
2025-02-10..2025-05-20` (a day range that cuts months: read from the log) and `report --known-at`
(the log as known at a time: read from the log). Goal: `report --period`
<= 2x `status` on the same store. Writes its section of bench/RESULTS.md.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

from results import write_section

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLANTRACK = os.path.join(ROOT, "build/release/core/plantrack")
MARK = "## Period views (issue 14)"


def timed(cmd, env):
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    subprocess.run(["cmake", "--preset", "release"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", "--preset", "release"], cwd=ROOT, check=True)
    work = tempfile.mkdtemp(prefix="plantrack-period-bench-")
    plan = os.path.join(work, "national-10k.toml")
    events = os.path.join(work, "events-1m.csv")
    subprocess.run([sys.executable, os.path.join(ROOT, "bench/gen_plan.py"), "10000", plan], check=True)
    subprocess.run([sys.executable, os.path.join(ROOT, "bench/gen_events.py"), plan, "1000000", events],
                   check=True)
    env = dict(os.environ, PLANTRACK_CACHE_DIR=os.path.join(work, "cache"),
               PLANTRACK_NOW="2031-01-01T10:00:00Z", PLANTRACK_DB=os.path.join(work, "p.db"))
    subprocess.run([PLANTRACK, "import", plan, events], env=env, check=True, stdout=subprocess.DEVNULL)
    cases = [
        ("status (the floor)", ["status", plan]),
        ("status --period 2025-Q2", ["status", plan, "--period", "2025-Q2"]),
        ("report --period 2025-Q2", ["report", plan, "--period", "2025-Q2"]),
        ("report (whole programme)", ["report", plan]),
        ("status --period 2025-02-10..2025-05-20 (cuts months: the log)",
         ["status", plan, "--period", "2025-02-10..2025-05-20"]),
        ("report --known-at 2031-01-01T10:00:00Z (the log as known then: the log)",
         ["report", plan, "--known-at", "2031-01-01T10:00:00Z"]),
    ]
    for _, cmd in cases:  # warm the plan cache and the page cache
        timed([PLANTRACK] + cmd, env)
    samples = {what: [] for what, _ in cases}
    for _ in range(args.runs):  # interleaved, so a noisy moment hits every case alike
        for what, cmd in cases:
            samples[what].append(timed([PLANTRACK] + cmd, env))
    floor = statistics.median(samples[cases[0][0]])
    lines = [MARK, "",
             f"Produced by `bench/period_bench.py` on {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores; medians "
             f"of {args.runs} interleaved runs on one store: 10k tasks (bench/gen_plan.py, 2021-2030), 1M progress "
             "records (bench/gen_events.py). Goal: `report --period 2025-Q2` <= 2x `status` on the same store "
             "(the issue's `2018-Q2`; the generated programme runs 2021-2030).", "",
             "| command | ms | / status |", "|---|---:|---:|"]
    for what, _ in cases:
        ms = statistics.median(samples[what]) * 1000
        lines.append(f"| {what} | {ms:.1f} | {ms / (floor * 1000):.2f}x |")
    lines += ["",
              "Why: a period of whole months is answered from the task summaries (per-month buckets folded in the "
              "append transaction), like status; a report adds rendering its tables. A day range that cuts a "
              "month is the path that reads and folds every event of the store once (as "
              "`status --date` years back does), the one period view over the goal; not profiled. So is "
              "`--known-at` (the last row, no goal named; every event is recorded before the time asked, so "
              "it counts the same as `report`): the summaries hold everything recorded so far. Day buckets "
              "in the summaries would bring it to the others' figures at the cost of a larger summary; halves, "
              "quarters and years, what offices report on, are whole months.", ""]
    write_section(MARK, lines)
    subprocess.run(["rm", "-rf", work], check=True)


if __name__ == "__main__":
    main()
