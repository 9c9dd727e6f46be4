#!/usr/bin/env python3
"""Plugin dispatch benchmark (issue 4): events per second to a no-op notifier through the host.

    bench/plugin_bench.py [--runs N] [--events N]

Builds the release preset, runs bench/plugin_dispatch (the host loading bench/noop_plugin.cpp as a
real plugin library, side by side with the same notifier called directly in-process) N times, and
writes the medians to bench/RESULTS.md (replacing an earlier section). Goal: >= 1M events/s.
"""
import argparse
import json
import os
import statistics
import subprocess
import time

from results import write_section

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build/release")
MARK = "## Plugin dispatch (issue 4)"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--events", type=int, default=5_000_000)
    args = parser.parse_args()
    subprocess.run(["cmake", "--preset", "release"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", "--preset", "release"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    driver = os.path.join(BUILD, "bench/plantrack_bench_dispatch")
    plugin = os.path.join(BUILD, "bench/noop.so")
    host, direct = [], []
    for _ in range(args.runs):
        out = subprocess.run([driver, plugin, str(args.events)], check=True, capture_output=True,
                             text=True).stdout
        result = json.loads(out.strip().splitlines()[-1])  # the host may log a line first
        host.append(result["host_per_s"])
        direct.append(result["direct_per_s"])
    h, d = statistics.median(host), statistics.median(direct)
    lines = [MARK, "",
             f"Produced by `bench/plugin_bench.py` on {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores; "
             f"medians of {args.runs} runs of {args.events:,} events. Goal: >= 1M events/s to a no-op notifier.", "",
             "| dispatch | events/s | ratio to direct |", "|---|---:|---:|",
             f"| PluginHost::notify -> no-op notifier in a loaded plugin library | {h:,.0f} | {h / d:.2f} |",
             f"| the same notifier class called directly in-process (floor) | {d:,.0f} | 1.00 |", ""]
    write_section(MARK, lines)


if __name__ == "__main__":
    main()
