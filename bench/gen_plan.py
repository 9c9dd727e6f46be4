#!/usr/bin/env python3
"""Deterministic generator of national-scale plans for benchmarks.

63 provinces x 6 stages (the cleaner-production ladder), tasks spread evenly over them. Each task may
depend on a task of the previous stage in its province (a threshold), and some depend on a task of the
same stage in the previous province (cross-province edges). Edges always point to an earlier task, so
the plan is a valid DAG. Same arguments, same bytes.

    gen_plan.py TASKS OUT.toml
"""
import random
import sys

PROVINCES = 63
STAGES = ["awareness", "training", "quick-assessment", "detailed-assessment", "pilot", "rollout"]
UNITS = ["bài", "lớp", "lượt", "báo cáo", "mô hình", "hội thảo"]


def main() -> None:
    total, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20121015)
    per_cell = max(1, total // (PROVINCES * len(STAGES)))
    lines = [
        "format = 1\n\n[plan]\n",
        f'id = "national-{total}"\ntitle = "National cleaner-production plan ({total} tasks)"\n',
        'owner = "Bộ Công Thương"\nperiod = { start = 2021, end = 2030 }\nlocale = "vi"\n\n',
    ]
    for p in range(PROVINCES):
        for s, stage in enumerate(STAGES):
            lines.append(f'[[stage]]\nid = "p{p:02d}-{stage}"\ntitle = "Tỉnh {p:02d}: {stage}"\n')
            if s > 0:
                lines.append(f'depends_on = ["p{p:02d}-{STAGES[s - 1]}"]\n')
            lines.append("\n")
    ids = {}  # (province, stage) -> task ids
    count = 0
    for p in range(PROVINCES):
        for s, stage in enumerate(STAGES):
            cell = []
            for k in range(per_cell):
                if count >= total:
                    break
                tid = f"p{p:02d}-{stage}-{k:04d}"
                target = rng.randint(1, 500)
                year = 2021 + rng.randint(0, 8)
                lines.append(
                    f'[[task]]\nid = "{tid}"\nstage = "p{p:02d}-{stage}"\n'
                    f'title = "Nhiệm vụ {k} giai đoạn {stage} tỉnh {p:02d}"\n'
                    f'unit = "{UNITS[s]}"\ntarget = {target}\nyears = [{year}, {year + 1}]\n'
                )
                deps = []
                before = ids.get((p, s - 1))
                if before and rng.random() < 0.6:
                    deps.append(f'{{ task = "{before[k % len(before)]}", at_least = 1 }}')
                other = ids.get((p - 1, s))
                if other and rng.random() < 0.2:
                    deps.append(f'"{other[k % len(other)]}"')
                if deps:
                    lines.append(f"depends_on = [{', '.join(deps)}]\n")
                lines.append("\n")
                cell.append(tid)
                count += 1
            ids[(p, s)] = cell
    # Whatever does not divide evenly goes to a last national stage.
    lines.append('[[stage]]\nid = "national"\ntitle = "Quốc gia"\n\n')
    k = 0
    while count < total:
        lines.append(
            f'[[task]]\nid = "national-{k:05d}"\nstage = "national"\ntitle = "Nhiệm vụ quốc gia {k}"\n'
            f'unit = "hội thảo"\ntarget = 1\nyears = [2030]\n\n'
        )
        k += 1
        count += 1
    for i, kind in enumerate(["central", "local", "international", "enterprise"]):
        lines.append(f'[[funding]]\nid = "source-{i}"\nkind = "{kind}"\namount = {rng.randint(0, 10**12)}\n\n')
    with open(out, "w", encoding="utf-8") as f:
        f.write("".join(lines))


if __name__ == "__main__":
    main()
