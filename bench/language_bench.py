#!/usr/bin/env python3
"""What speaking Vietnamese costs (issue 15): the commands whose output grows with the plan, before
and after the languages came in, on the same store.

    bench/language_bench.py [--runs N] [--baseline COMMIT]

Builds the release preset of this tree and of COMMIT (default e3ecd96, the last commit before
issue 15's languages) in a scratch worktree, then measures alternately (medians):
- `plantrack status` at 100k tasks / 1M events (the generated national plan, locale "vi"):
  the baseline (English only), this tree in Vietnamese, and this tree with `--lang en`;
- `plantrack import` of 100k rows into a copy of that store (3 runs each);
- `plantrack validate` of a 100k-task plan with 20,000 misspelt references (a diagnostic each).
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

from results import write_section

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARK = "## Speaking Vietnamese (issue 15)"


def sh(cmd, cwd=None, env=None):
    subprocess.run(cmd, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def timed(cmd, env):
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode not in (0, 1, 3):
        raise SystemExit(f"{' '.join(cmd)} failed with {done.returncode}: {done.stderr.decode()[:400]}")
    return time.perf_counter() - start


def ms(samples):
    return statistics.median(samples) * 1000


def build(tree):
    sh(["bash", "-c", "source scripts/lib.sh && build_preset release plantrack"], cwd=tree)
    return os.path.join(tree, "build/release/core/plantrack")


def misspelt_plan(plan, path, count):
    """The plan with `count` of its depends_on references misspelt (one diagnostic each)."""
    text = open(plan, encoding="utf-8").read()
    parts = text.split('depends_on = ["')
    out = [parts[0]]
    for i, part in enumerate(parts[1:]):
        out.append('depends_on = ["' + ("x" + part if i < count else part))
    open(path, "w", encoding="utf-8").write("".join(out))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--baseline", default="e3ecd964aafbb4ef74d6512d5c25b074a46b89db")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="plantrack-language-bench-")
    base_tree = os.path.join(work, "baseline")
    sh(["git", "worktree", "add", "--detach", base_tree, args.baseline], cwd=ROOT)
    try:
        new = build(ROOT)
        old = build(base_tree)
        out = os.path.join(ROOT, "bench", "out")
        os.makedirs(out, exist_ok=True)
        plan = os.path.join(out, "national-100000.toml")
        events = os.path.join(out, "events-100000-1m.csv")
        once = os.path.join(out, "events-100k-once.csv")
        if not os.path.exists(plan):
            sh([sys.executable, os.path.join(ROOT, "bench/gen_plan.py"), "100000", plan])
        if not os.path.exists(events):
            sh([sys.executable, os.path.join(ROOT, "bench/gen_events.py"), plan, "1000000", events])
        if not os.path.exists(once):
            sh([sys.executable, os.path.join(ROOT, "bench/gen_events.py"), plan, "100000", once, "--per-task-once"])

        store = os.path.join(work, "p100k.db")
        base_env = dict(os.environ, PLANTRACK_NOW="2031-01-01T10:00:00Z", LANG="C.UTF-8")
        for key in ("LC_ALL", "LC_MESSAGES", "PLANTRACK_LANG"):
            base_env.pop(key, None)
        env = {name: dict(base_env, PLANTRACK_CACHE_DIR=os.path.join(work, "cache-" + name), PLANTRACK_DB=store)
               for name in ("old", "new")}
        sh([old, "import", plan, events], env=env["old"])
        for name, binary in (("old", old), ("new", new)):
            sh([binary, "status", plan], env=env[name])  # warms each one's plan cache

        status = {"old": [], "vi": [], "en": []}
        for _ in range(args.runs):
            status["old"].append(timed([old, "status", plan], env["old"]))
            status["vi"].append(timed([new, "status", plan], env["new"]))
            status["en"].append(timed([new, "--lang", "en", "status", plan], env["new"]))
        print("status", {k: round(ms(v), 1) for k, v in status.items()}, flush=True)

        imports = {"old": [], "new": []}
        for _ in range(3):
            for name, binary in (("old", old), ("new", new)):
                copy = os.path.join(work, "copy.db")
                shutil.copy(store, copy)
                imports[name].append(timed([binary, "import", plan, once], dict(env[name], PLANTRACK_DB=copy)))
                os.remove(copy)
        rates = {k: 100000 / statistics.median(v) for k, v in imports.items()}
        print("import", rates, flush=True)

        bad = os.path.join(work, "misspelt.toml")
        misspelt_plan(plan, bad, 20000)
        validate = {"old": [], "vi": [], "en": []}
        for _ in range(max(3, args.runs // 2)):
            validate["old"].append(timed([old, "validate", bad], env["old"]))
            validate["vi"].append(timed([new, "validate", bad], env["new"]))
            validate["en"].append(timed([new, "--lang", "en", "validate", bad], env["new"]))
        print("validate", {k: round(ms(v), 1) for k, v in validate.items()}, flush=True)
    finally:
        sh(["git", "worktree", "remove", "--force", base_tree], cwd=ROOT)
        shutil.rmtree(work, ignore_errors=True)

    def row(what, a, b):
        return f"| {what} | {ms(a):.0f} ms | {ms(b):.0f} ms | {ms(b) / ms(a):.2f}x |"

    lines = [MARK, "",
             f"Produced by `bench/language_bench.py` on {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores; medians "
             f"of {args.runs} runs, alternately, the baseline being {args.baseline[:7]} (before the languages). "
             "The national plan says `locale = \"vi\"`, so this tree answers it in Vietnamese unless `--lang en`.", "",
             "| measure | baseline (English) | this tree | ratio |", "|---|---:|---:|---:|",
             row("`status`, 100k tasks, 1M events, Vietnamese", status["old"], status["vi"]),
             row("`status`, 100k tasks, 1M events, `--lang en`", status["old"], status["en"]),
             f"| `import` 100k rows into 1M events | {rates['old']:,.0f} rows/s | {rates['new']:,.0f} rows/s | "
             f"{rates['old'] / rates['new']:.2f}x |",
             row("`validate`, 100k tasks, 20,000 unknown references, Vietnamese", validate["old"], validate["vi"]),
             row("`validate`, the same, `--lang en`", validate["old"], validate["en"]), ""]
    write_section(MARK, lines)


if __name__ == "__main__":
    main()
