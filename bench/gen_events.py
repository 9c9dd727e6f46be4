#!/usr/bin/env python3
"""Deterministic CSV of progress records for a generated plan (bench/gen_plan.py).

    gen_events.py PLAN.toml ROWS OUT.csv [--per-task-once]

Rows are spread over the plan's tasks with quantity 1, dated in each task's first planned year, so
no record is refused (some go above target and are recorded with a warning). --per-task-once gives one row per task (the first ROWS tasks).
"""
import random
import re
import sys


def main() -> None:
    plan, rows, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    once = "--per-task-once" in sys.argv
    text = open(plan, encoding="utf-8").read()
    tasks = re.findall(r'^\[\[task\]\]\nid = "([^"]+)"\n(?:.*\n)*?years = \[(\d+)', text, re.M)
    rng = random.Random(24102014)
    with open(out, "w", encoding="utf-8") as f:
        f.write("task,quantity,year,date,by,note,evidence\n")
        for i in range(rows):
            task, first_year = tasks[i % len(tasks)] if once else tasks[rng.randrange(len(tasks))]
            month, day = rng.randint(1, 12), rng.randint(1, 28)
            year = int(first_year)  # a year the task is planned for
            f.write(f"{task},1,{year},{year}-{month:02d}-{day:02d},bench,row {i},\n")


if __name__ == "__main__":
    main()
