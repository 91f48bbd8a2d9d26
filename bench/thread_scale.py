#!/usr/bin/env python3
"""Threads at CPython's scale: what a sleeping thread costs in memory, and how
far the io workload speeds up with more threads, under /usr/bin/python3 and
gil-demo side by side.

Memory: a program starts N threads that block on an Event, waits half a
second, then lets them end. The interpreter's peak resident set (the last
VmHWM read from /proc/PID/status, polled every 10 ms while it runs) is taken
for N threads and for none; the cost of one thread is the difference divided
by N. The same program runs under both interpreters.

Scaling: the io workload (demos/workloads/io.py, one unit a 2 ms sleep) with
8, 16, 32 and 64 workers: CPython through scripts/compare_threads_cpython.py's
run_cpython (serial, then one thread per worker, in one process), gil-demo
through `gil-demo --mode threads --workload io --workers N --json` (its own
serial baseline). The io workload's size grows with the workers (50 units
each), so every thread sleeps as often at every N.

Usage: bench/thread_scale.py [--gil-demo PATH] [--python PATH] [--repeat N]
                             [--memory-only] [--scaling-only] [--json FILE]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))

SLEEPERS = """
import sys, threading, time
n = int(sys.argv[1])
go = threading.Event()
threads = [threading.Thread(target=go.wait) for i in range(n)]
for t in threads:
    t.start()
time.sleep(0.5)
go.set()
for t in threads:
    t.join()
"""


def peak_rss_kib(cmd):
    """Runs [cmd] and returns its peak resident set in KiB: the last VmHWM
    read from /proc/PID/status while it runs (ru_maxrss would count the
    forked driver's pages from before the exec)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        try:
            with open(f"/proc/{proc.pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]))
        except (FileNotFoundError, ProcessLookupError):
            break
        time.sleep(0.01)
    if proc.wait() != 0:
        raise RuntimeError(f"{cmd} exited with {proc.returncode}")
    return peak


def memory_table(args):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(SLEEPERS)
        program = f.name
    interpreters = [("CPython", [args.python, program]), ("gil-demo", [args.gil_demo, "run", program])]
    rows = []
    try:
        for name, base in interpreters:
            empty = statistics.median(peak_rss_kib(base + ["0"]) for _ in range(args.repeat))
            for n in (1, 50, 200):
                peak = statistics.median(peak_rss_kib(base + [str(n)]) for _ in range(args.repeat))
                rows.append({"interpreter": name, "threads": n, "peak_rss_kib": peak, "no_threads_kib": empty,
                             "kib_per_thread": (peak - empty) / n})
    finally:
        os.unlink(program)
    print("Sleeping threads: peak RSS (KiB), and per thread over the run with none")
    print(f"{'threads':>8} | {'CPython':>10} {'per thread':>11} | {'gil-demo':>10} {'per thread':>11} | ratio")
    for n in (1, 50, 200):
        c = next(r for r in rows if r["interpreter"] == "CPython" and r["threads"] == n)
        g = next(r for r in rows if r["interpreter"] == "gil-demo" and r["threads"] == n)
        ratio = g["kib_per_thread"] / c["kib_per_thread"] if c["kib_per_thread"] > 0 else float("nan")
        print(f"{n:>8} | {c['peak_rss_kib']:>10.0f} {c['kib_per_thread']:>11.1f} | "
              f"{g['peak_rss_kib']:>10.0f} {g['kib_per_thread']:>11.1f} | {ratio:5.2f}")
    return rows


def scaling_table(args):
    import compare_threads_cpython as ctc
    rows = []
    for workers in (8, 16, 32, 64):
        size = 50 * workers
        c = [ctc.run_cpython("io", workers, size)["speedup"] for _ in range(args.repeat)]
        g = [ctc.run_minipy(args.gil_demo, "io", workers, size)["speedup"] for _ in range(args.repeat)]
        rows.append({"workers": workers, "size": size, "cpython_speedup": statistics.median(c),
                     "gil_demo_speedup": statistics.median(g), "cpython_runs": c, "gil_demo_runs": g})
    print(f"io workload, 50 units (2 ms sleeps) per worker; speedup over serial, median of {args.repeat}")
    print(f"{'workers':>8} | {'CPython':>8} | {'gil-demo':>8}")
    for r in rows:
        print(f"{r['workers']:>8} | {r['cpython_speedup']:>7.2f}x | {r['gil_demo_speedup']:>7.2f}x")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gil-demo", default=os.path.join(ROOT, "build", "release", "gil-demo"))
    parser.add_argument("--python", default="/usr/bin/python3")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--memory-only", action="store_true")
    parser.add_argument("--scaling-only", action="store_true")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    figures = {}
    if not args.scaling_only:
        figures["memory"] = memory_table(args)
    if not args.memory_only:
        figures["io_scaling"] = scaling_table(args)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(figures, f, indent=2)


if __name__ == "__main__":
    main()
