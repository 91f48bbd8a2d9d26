#!/usr/bin/python3
"""Turns the benchmarks' JSON output into charts (PNG).

    build/release/bench/runner_benchmark --benchmark_out=runner.json --benchmark_out_format=json
    build/release/bench/ipc_benchmark --benchmark_out=ipc.json --benchmark_out_format=json
    /usr/bin/python3 scripts/charts.py runner.json ipc.json docs/charts

Charts (each made when its benchmarks are in the input):
  speedup.png        speedup over serial against workers, per mode and workload
  io_latency.png     the I/O worker's latency against the switch interval, per GIL policy
  ipc.png            what processes cost: start-up, round trips against the raw
                     pipe floor, and Queue throughput, CPython beside gil-demo

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
    ax.set_title("What threads and processes buy behind the GIL")
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


def ipc_chart(runs, out):
    by_name = {b["name"].split("/iterations")[0]: b for b in runs}
    cp = by_name.get("BM_MultiprocessingCosts/0/100")
    mp = by_name.get("BM_MultiprocessingCosts/1/100")
    raw = by_name.get("BM_RawPipePingPong")
    conn = by_name.get("BM_ConnectionPingPong/64")
    if not (cp and mp):
        return False
    names, colours = ["CPython", "gil-demo"], ["#4c72b0", "#dd8452"]
    fig, axes = plt.subplots(1, 4, figsize=(13, 3.8))
    panels = [("worker start-up (ms)", "start_ms", None),
              ("round trip, 64 bytes (us)", "pipe_rtt_us", None),
              ("Queue, 64-byte messages (msgs/s)", "queue_64_msgs_per_s", None),
              ("Queue, 1 MiB messages (MB/s)", "queue_1m_mb_per_s", None)]
    for ax, (title, key, _) in zip(axes, panels):
        labels, values, cols = list(names), [cp[key], mp[key]], list(colours)
        if key == "pipe_rtt_us":
            if conn:
                labels.append("Connection (C++)")
                values.append(conn["rtt_us"])
                cols.append("#8c8c8c")
            if raw:
                labels.append("raw pipe")
                values.append(raw["rtt_us"])
                cols.append("#c0c0c0")
        bars = ax.bar(labels, values, color=cols)
        ax.bar_label(bars, fmt="%.3g", fontsize=8)
        ax.set_title(title, fontsize=10)
        ax.tick_params(axis="x", labelrotation=20, labelsize=8)
        ax.grid(alpha=0.3, axis="y")
    fig.suptitle("What processes cost: multiprocessing under CPython and gil-demo, one run")
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    return True


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    runs = [b for path in sys.argv[1:-1] for b in benchmarks(path)]
    outdir = sys.argv[-1]
    os.makedirs(outdir, exist_ok=True)
    made = []
    for name, chart in [("speedup.png", speedup_chart), ("io_latency.png", latency_chart), ("ipc.png", ipc_chart)]:
        if chart(runs, os.path.join(outdir, name)):
            made.append(name)
    if not made:
        sys.exit("charts.py: no BM_Speedup, BM_MixedLatency or BM_MultiprocessingCosts results in " +
                 ", ".join(sys.argv[1:-1]))
    print("wrote " + ", ".join(os.path.join(outdir, m) for m in made))


if __name__ == "__main__":
    main()
