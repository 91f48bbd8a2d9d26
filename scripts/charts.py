#!/usr/bin/python3
"""Turns runner_benchmark's JSON output into charts (PNG).

    build/release/bench/runner_benchmark --benchmark_out=bench.json --benchmark_out_format=json
    /usr/bin/python3 scripts/charts.py bench.json docs/charts

Charts:
  speedup.png        speedup over serial against workers, per mode and workload
  io_latency.png     the I/O worker's latency against the switch interval, per GIL policy

Needs matplotlib from Debian's python3-matplotlib (use /usr/bin/python3).
"""
import json
import os
import sys

try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    sys.exit("charts.py: matplotlib is missing; install it with: apt-get install python3-matplotlib "
             "(and run this script with /usr/bin/python3)")

WORKLOADS = ["cpu", "io", "mixed"]
MODES = {1: "threads", 2: "processes"}
POLICIES = {0: "cpython", 2: "fair"}


def benchmarks(path):
    with open(path) as f:
        data = json.load(f)
    return [b for b in data["benchmarks"] if b.get("run_type", "iteration") == "iteration"]


def speedup_chart(runs, out):
    series = {}
    for b in runs:
        parts = b["name"].split("/")
        if parts[0] != "BM_Speedup":
            continue
        mode, workload, workers = int(parts[1]), int(parts[2]), int(parts[3])
        key = (MODES.get(mode, str(mode)), WORKLOADS[workload])
        series.setdefault(key, []).append((workers, b["speedup"]))
    if not series:
        return False
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for (mode, workload), points in sorted(series.items()):
        points.sort()
        ax.plot([p[0] for p in points], [p[1] for p in points], marker="o", label=f"{workload}, {mode}")
    workers = sorted({p[0] for pts in series.values() for p in pts})
    ax.plot(workers, workers, linestyle=":", color="grey", label="ideal")
    ax.axhline(1.0, color="black", linewidth=0.8)
    ax.set_xlabel("workers")
    ax.set_ylabel("speedup over serial (same total work)")
    ax.set_xscale("log", base=2)
    ax.set_xticks(workers, [str(w) for w in workers])
    ax.set_title("What threads buy behind the GIL")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    return True


def latency_chart(runs, out):
    series = {}
    for b in runs:
        parts = b["name"].split("/")
        if parts[0] != "BM_MixedLatency":
            continue
        policy, interval = int(parts[1]), int(parts[2])
        series.setdefault(POLICIES.get(policy, str(policy)), []).append((interval / 1000, b["io_p50_us"] / 1000,
                                                                        b["io_p99_us"] / 1000))
    if not series:
        return False
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for policy, points in sorted(series.items()):
        points.sort()
        xs = [p[0] for p in points]
        ax.plot(xs, [p[1] for p in points], marker="o", label=f"{policy} p50")
        ax.plot(xs, [p[2] for p in points], marker="x", linestyle="--", label=f"{policy} p99")
    xs = sorted({p[0] for pts in series.values() for p in pts})
    ax.plot(xs, xs, linestyle=":", color="grey", label="= switch interval")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("switch interval (ms)")
    ax.set_ylabel("I/O latency behind a CPU-bound thread (ms)")
    ax.set_title("The convoy effect, and the fair policy's fix")
    ax.legend()
    ax.grid(alpha=0.3, which="both")
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    return True


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    runs = benchmarks(sys.argv[1])
    os.makedirs(sys.argv[2], exist_ok=True)
    made = []
    if speedup_chart(runs, os.path.join(sys.argv[2], "speedup.png")):
        made.append("speedup.png")
    if latency_chart(runs, os.path.join(sys.argv[2], "io_latency.png")):
        made.append("io_latency.png")
    if not made:
        sys.exit("charts.py: no BM_Speedup or BM_MixedLatency results in " + sys.argv[1])
    print("wrote " + ", ".join(os.path.join(sys.argv[2], m) for m in made))


if __name__ == "__main__":
    main()
