#!/usr/bin/env python3
"""Engine benchmark (issue 13): what one write costs, against the floor of any durable write.

    bench/engine_bench.py [--runs N]

Builds the release preset, then measures in one run (medians; the pairs alternately):
- `plantrack record` of one update at 10k tasks / 1M events, against
  `sqlite3 DB "PRAGMA synchronous=FULL; BEGIN IMMEDIATE; INSERT ...; COMMIT"` into a 1M-row WAL
  database (one fsync'ed insert as a process: the floor of any durable record). Goal: <= 2x.
- `plantrack spend` of one payment with 100k payments stored (the funding benchmark's plan, with its
  two funding checks), against `record` on the same store. Goal: spend <= 1.5x record.
- `plantrack import` of 100k rows into a store of 1M events at 100k tasks. Goal: >= 150k rows/s.
- `plantrack status` at 100k tasks / 1M events. Goal: <= 0.3 s.
Appends its section to bench/RESULTS.md (replacing an earlier one).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import funding_bench
from results import write_section

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLANTRACK = os.path.join(ROOT, "build/release/core/plantrack")
MARK = "## One write against the floor (issue 13)"


def sh(cmd, env=None):
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def timed(cmd, env=None):
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode not in (0, 3):
        raise SystemExit(f"{' '.join(cmd)} failed with {done.returncode}: {done.stderr.decode()[:400]}")
    return time.perf_counter() - start


def ms(samples):
    return statistics.median(samples) * 1000


def store_env(work, name):
    return dict(os.environ, PLANTRACK_CACHE_DIR=os.path.join(work, "cache"), PLANTRACK_NOW="2031-01-01T10:00:00Z",
                PLANTRACK_DB=os.path.join(work, name + ".db"))


def floor_db(path):
    """A WAL database of 1M event-like rows, as the floor's target."""
    sql = ("PRAGMA journal_mode=WAL;"
           "CREATE TABLE events(id INTEGER PRIMARY KEY, plan TEXT NOT NULL, task TEXT NOT NULL, kind TEXT NOT NULL,"
           " quantity INTEGER, year INTEGER, effective TEXT NOT NULL, recorded_at TEXT NOT NULL, actor TEXT, note TEXT);"
           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)"
           " INSERT INTO events SELECT i, 'national', 'task-' || (i % 10000), 'progress', 1, 2030, '2030-06-01',"
           " '2031-01-01T10:00:00Z', 'bench', '' FROM n;")
    sh(["sqlite3", path, sql])


FLOOR_INSERT = ("PRAGMA synchronous=FULL; BEGIN IMMEDIATE; INSERT INTO events(plan, task, kind, quantity, year,"
                " effective, recorded_at, actor, note) VALUES ('national', 'task-1', 'progress', 1, 2030, '2030-06-01',"
                " '2031-01-01T10:00:00Z', 'bench', ''); COMMIT;")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    if shutil.which("sqlite3") is None:
        sh(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "sqlite3"])
    subprocess.run(["bash", "-c", "source scripts/lib.sh && build_preset release"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    work = tempfile.mkdtemp(prefix="plantrack-engine-bench-")
    out = os.path.join(ROOT, "bench", "out")
    os.makedirs(out, exist_ok=True)
    plans, events = {}, {}
    for n in (10000, 100000):
        plans[n] = os.path.join(out, f"national-{n}.toml")
        events[n] = os.path.join(out, f"events-{n}-1m.csv")
        if not os.path.exists(plans[n]):
            sh([sys.executable, os.path.join(ROOT, "bench/gen_plan.py"), str(n), plans[n]])
        if not os.path.exists(events[n]):
            sh([sys.executable, os.path.join(ROOT, "bench/gen_events.py"), plans[n], "1000000", events[n]])

    # record at 10k tasks / 1M events, alternately with the floor
    env = store_env(work, "p10k")
    sh([PLANTRACK, "import", plans[10000], events[10000]], env)
    sh([PLANTRACK, "status", plans[10000]], env)  # warms the plan cache, as any earlier command would
    floor = os.path.join(work, "floor.db")
    floor_db(floor)
    text = open(plans[10000], encoding="utf-8").read()
    tasks = [block.split('"')[1] for block in text.split("[[task]]\nid = ")[1:]]
    rec, ins = [], []
    for i in range(args.runs):
        rec.append(timed([PLANTRACK, "record", plans[10000], tasks[i], "1", "--date", "2030-06-01"], env))
        ins.append(timed(["sqlite3", floor, FLOOR_INSERT]))
    print("record", ms(rec), "floor", ms(ins), flush=True)

    # spend with 100k payments stored, alternately with record on the same store
    fplan = os.path.join(work, "funding.toml")
    funding_bench.write_plan(fplan, 1000)
    fcsv = os.path.join(work, "payments.csv")
    funding_bench.write_payments(fcsv, 1000, 100_000)
    fenv = dict(os.environ, PLANTRACK_NOW="2015-01-10T09:00:00Z", PLANTRACK_CACHE_DIR=os.path.join(work, "cache"),
                PLANTRACK_DB=os.path.join(work, "funding.db"))
    sh([PLANTRACK, "import", fplan, fcsv], fenv)
    spend, frec = [], []
    for i in range(args.runs):
        spend.append(timed([PLANTRACK, "spend", fplan, f"t-{i:05d}", "1000000", "--source", "local", "--year", "2014",
                            "--date", "2014-12-01"], fenv))
        frec.append(timed([PLANTRACK, "record", fplan, f"t-{i:05d}", "1", "--date", "2014-12-01"], fenv))
    print("spend", ms(spend), "record", ms(frec), flush=True)

    # import and status at 100k tasks / 1M events
    env = store_env(work, "p100k")
    sh([PLANTRACK, "import", plans[100000], events[100000]], env)
    status = [timed([PLANTRACK, "status", plans[100000]], env) for _ in range(args.runs)]
    once = os.path.join(out, "events-100k-once.csv")
    if not os.path.exists(once):
        sh([sys.executable, os.path.join(ROOT, "bench/gen_events.py"), plans[100000], "100000", once,
            "--per-task-once"])
    imports = [timed([PLANTRACK, "import", plans[100000], once], env) for _ in range(3)]
    rate = 100000 / statistics.median(imports)
    print("status", ms(status), "import", rate, flush=True)

    lines = [MARK, "",
             f"Produced by `bench/engine_bench.py` on {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores; medians of "
             f"{args.runs} runs, each pair run alternately (import: 3 runs).", "",
             "| measure | plantrack | against | ratio | goal |", "|---|---:|---:|---:|---|",
             f"| `record` one update, 10k tasks, 1M events vs one fsync'ed sqlite3 insert into a 1M-row WAL database "
             f"| {ms(rec):.1f} ms | {ms(ins):.1f} ms | {ms(rec) / ms(ins):.2f}x | <= 2x |",
             f"| `spend` one payment, 100k payments stored vs `record` on the same store "
             f"| {ms(spend):.1f} ms | {ms(frec):.1f} ms | {ms(spend) / ms(frec):.2f}x | <= 1.5x |",
             f"| `import` 100k rows into 1M events, 100k tasks | {rate:,.0f} rows/s | | | >= 150k rows/s |",
             f"| `status`, 100k tasks, 1M events | {ms(status):.0f} ms | | | <= 300 ms |", ""]
    write_section(MARK, lines)
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
