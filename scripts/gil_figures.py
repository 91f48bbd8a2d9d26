#!/usr/bin/env python3
"""Runs the GIL experiments the README reports, several times each, and prints
the median of each figure. Every figure is a ratio measured within one
gil-demo invocation against its own serial baseline.

Usage: scripts/gil_figures.py [--gil-demo PATH] [--repeat N] [--json FILE]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# name, arguments, and what to read from the JSON
EXPERIMENTS = [
    ("cpu, 2 threads, cpython", ["--workload", "cpu", "--workers", "2"], "speedup"),
    ("cpu, 4 threads, cpython", ["--workload", "cpu", "--workers", "4"], "speedup"),
    ("io, 8 threads, cpython", ["--workload", "io", "--workers", "8"], "speedup"),
    ("cpu, 2 threads, legacy", ["--workload", "cpu", "--workers", "2", "--gil", "legacy", "--size", "2000"], "speedup"),
    ("cpu, 2 threads, fair", ["--workload", "cpu", "--workers", "2", "--gil", "fair"], "speedup"),
    ("mixed, 2 workers, cpython: I/O p50 ms", ["--workload", "mixed", "--workers", "2"], "p50"),
    ("mixed, 2 workers, fair: I/O p50 ms", ["--workload", "mixed", "--workers", "2", "--gil", "fair"], "p50"),
    ("mixed, 2 workers, cpython, 1 ms interval: I/O p50 ms",
     ["--workload", "mixed", "--workers", "2", "--switch-interval", "1"], "p50"),
]


def run(binary, args):
    out = subprocess.run([binary, "--mode", "threads", "--json"] + args, cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gil-demo", default=os.path.join(ROOT, "build", "release", "gil-demo"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json")
    args = parser.parse_args()
    if not os.access(args.gil_demo, os.X_OK):
        sys.exit(f"gil_figures: {args.gil_demo} not found; build it first (README)")
    results = []
    print(f"{'experiment':<52} {'median':>8}   runs")
    for name, flags, key in EXPERIMENTS:
        values = []
        for _ in range(args.repeat):
            j = run(args.gil_demo, flags)
            values.append(j["speedup"] if key == "speedup" else j["io_latency_us"]["p50"] / 1000)
        median = statistics.median(values)
        unit = "x" if key == "speedup" else " ms"
        print(f"{name:<52} {median:>7.3f}{unit}  {', '.join(f'{v:.3f}' for v in values)}")
        results.append({"experiment": name, "args": flags, "median": median, "values": values})
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
