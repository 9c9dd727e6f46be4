#!/usr/bin/env python3
"""Funding benchmark (issue 5): spending and the funding checks at the size of a national programme.

    bench/funding_bench.py [--runs N] [--tasks T] [--payments P]

Builds the release preset; generates a plan with T tasks (default 1000), four sources, a budget line
per task, source and year (two years; category "cp-assessment"), the balance and rules (221/2012)
checks; and P payments (default 100k) to 20k participants, with costs, some breaking the rules. They
are imported into a fresh store (one CSV, all rows checked first), then it measures (medians):
- `plantrack import` of the payments (rows per second);
- `plantrack spend` of one more payment;
- `plantrack status --format json` (money per source, year, task and line);
- `plantrack check` (balance and every 221/2012 rule over all payments; findings printed).
The issue names no peer and no goal: the figures are plantrack's own, for later sessions to keep.
Appends its section to bench/RESULTS.md (replacing an earlier one).
"""
import argparse
import os
import random
import shutil
import statistics
import subprocess
import tempfile
import time

from results import write_section

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLANTRACK = os.path.join(ROOT, "build/release/core/plantrack")
MARK = "## Spending and funding checks (issue 5)"


def timed(cmd, env):
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if done.returncode not in (0, 3):
        raise SystemExit(f"{' '.join(cmd)} failed with {done.returncode}")
    return time.perf_counter() - start


def write_plan(path, tasks):
    out = ['format = 1', '[plan]', 'id = "national-funding"', 'title = "Funding benchmark"',
           'period = { start = 2013, end = 2014 }', 'locale = "vi"', '',
           '[[stage]]', 'id = "assessment"', 'title = "Assessment"', '']
    for i in range(tasks):
        out += ['[[task]]', f'id = "t-{i:05d}"', 'stage = "assessment"', f'title = "Task {i}"',
                'unit = "DN"', 'target = 100', 'years = [2013, 2014]', '']
    for source, kind in (("central", "central"), ("local", "local"), ("intl", "international"),
                         ("ent", "enterprise")):
        out += ['[[funding]]', f'id = "{source}"', f'kind = "{kind}"', f'title = "{source}"',
                'amount = 900_000_000_000_000', '']
    for i in range(tasks):
        for source in ("central", "local"):
            for year in (2013, 2014):
                out += ['[[budget]]', f'task = "t-{i:05d}"', f'source = "{source}"', f'year = {year}',
                        'amount = 3_000_000_000', 'category = "cp-assessment"', '']
    out += ['[[plugin]]', 'name = "balance"', '', '[[plugin]]', 'name = "rules"', '[plugin.settings]',
            'tables = ["vn-ttlt-221-2012"]', '']
    open(path, "w", encoding="utf-8").write("\n".join(out))


def write_payments(path, tasks, payments):
    rnd = random.Random(5)
    rows = ["task,amount,source,year,date,participant,cost"]
    for i in range(payments):
        year = rnd.choice((2013, 2014))
        cost = rnd.randrange(20, 120) * 1_000_000
        share = rnd.choice((30, 40, 50, 50, 50, 55))  # 55%: over the ceiling
        rows.append(f"t-{rnd.randrange(tasks):05d},{cost * share // 100},{rnd.choice(('central', 'local'))},"
                    f"{year},{year}-{rnd.randrange(3, 12):02d}-{rnd.randrange(1, 28):02d},"
                    f"Công ty {rnd.randrange(20000):05d},{cost}")
    open(path, "w", encoding="utf-8").write("\n".join(rows) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--tasks", type=int, default=1000)
    ap.add_argument("--payments", type=int, default=100_000)
    args = ap.parse_args()
    subprocess.run(["bash", "-c", "source scripts/lib.sh && build_preset release"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    work = tempfile.mkdtemp(prefix="plantrack-funding-bench-")
    plan = os.path.join(work, "plan.toml")
    csv = os.path.join(work, "payments.csv")
    write_plan(plan, args.tasks)
    write_payments(csv, args.tasks, args.payments)
    env = dict(os.environ, PLANTRACK_NOW="2015-01-10T09:00:00Z", PLANTRACK_CACHE_DIR=os.path.join(work, "cache"))
    env.pop("PLANTRACK_DB", None)
    store = os.path.join(work, "plan.toml.plantrack.db")
    imports = []
    for _ in range(max(1, args.runs // 2)):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(store + suffix):
                os.remove(store + suffix)
        imports.append(timed([PLANTRACK, "import", plan, csv], env))
    spend, status, check = [], [], []
    for i in range(args.runs):
        spend.append(timed([PLANTRACK, "spend", plan, "t-00001", "1000000", "--source", "local", "--year", "2014",
                            "--participant", f"Công ty bench {i}", "--cost", "4000000", "--date", "2014-12-01"], env))
        status.append(timed([PLANTRACK, "status", plan, "--format", "json"], env))
        check.append(timed([PLANTRACK, "check", plan, "--format", "json"], env))
    findings = subprocess.run([PLANTRACK, "check", plan, "--format", "json"], env=env, capture_output=True,
                              text=True).stdout.count('"rule":')
    ms = lambda xs: statistics.median(xs) * 1000
    rate = args.payments / statistics.median(imports)
    lines = [MARK, "",
             f"`python3 bench/funding_bench.py --runs {args.runs}`: {args.tasks} tasks, {4 * args.tasks} budget lines, "
             f"{args.payments} payments to 20k participants; medians of {args.runs} runs (import: "
             f"{len(imports)}).", "",
             "| | plantrack |", "|---|---:|",
             f"| import {args.payments} payments (all rows checked, one transaction) | {statistics.median(imports):.2f} s "
             f"= {rate:,.0f} rows/s |",
             f"| `spend` one payment | {ms(spend):.1f} ms |",
             f"| `status --format json` with money | {ms(status):.1f} ms |",
             f"| `check` (balance + 221/2012 rules, {findings} findings) | {ms(check):.1f} ms |", "",
             "No peer and no goal are named by the issue; these are the figures to keep.", ""]
    write_section(MARK, lines)
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
