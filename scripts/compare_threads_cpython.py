#!/usr/bin/env python3
"""Runs gil-demo's workloads under CPython's threading and multiprocessing and
under gil-demo's threads and processes modes, and prints the tables side by
side.

For each case the same workload file (demos/workloads/NAME.py, entry point
work(worker, units)) runs with the same total units, first serially, then one
thread per worker. CPython's I/O latency is measured around time.sleep: the
time from the moment the sleep should have ended to the moment the thread runs
Python code again (which includes the GIL wait). gil-demo reports its own
figure from its GIL statistics.

For processes, CPython runs one multiprocessing.Process per worker (spawn
start method, as gil-demo's workers start), each loading the workload file and
calling work(); the wall time includes starting them, as gil-demo's does.

The countdown table is Beazley's experiment (demos/workloads/countdown.py:
count down serially, then half in each of two threads) under Python 2.7 when
one is installed (--python2, else pyenv's 2.7.18, else python2 on the PATH),
under this CPython, and under gil-demo with each GIL policy, interleaved
within each repetition so that all of them see the same machine.

Usage: scripts/compare_threads_cpython.py [--gil-demo PATH] [--json FILE] [--quick]
                                          [--processes-only] [--countdown-only]
                                          [--python2 PATH] [--repeat N]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import multiprocessing
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (workload, workers, size or None for the workload's default)
CASES = [("cpu", 2, None), ("cpu", 4, None), ("io", 8, None), ("mixed", 2, None)]


def load_workload(path):
    """Runs the workload file's top level and returns its namespace."""
    namespace = {"__name__": "__gil_demo__", "__file__": path}
    with open(path) as f:
        exec(compile(f.read(), path, "exec"), namespace)
    return namespace


def instrument_sleep(namespace, samples):
    """Replaces time.sleep, as the workload sees it, with a timed one."""
    real_sleep = time.sleep

    class TimedTime:
        def __getattr__(self, name):
            return getattr(time, name)

        @staticmethod
        def sleep(seconds):
            due = time.perf_counter() + seconds
            real_sleep(seconds)
            samples.append(max(0.0, time.perf_counter() - due))

    namespace["time"] = TimedTime()


def split(size, workers):
    return [size // workers + (1 if i < size % workers else 0) for i in range(workers)]


def process_worker(path, worker, units, results):
    """A spawned child: load the workload as gil-demo's workers do, run it."""
    namespace = {"__name__": "__mp_main__", "__file__": path}
    with open(path) as f:
        exec(compile(f.read(), path, "exec"), namespace)
    results.put((worker, repr(namespace["work"](worker, units))))


def run_cpython_processes(path, workers, size):
    units = split(size, workers)
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    start = time.perf_counter()
    procs = [context.Process(target=process_worker, args=(path, i, units[i], results)) for i in range(workers)]
    for p in procs:
        p.start()
    for _ in procs:
        results.get()
    for p in procs:
        p.join()
    return time.perf_counter() - start


def run_cpython_mode(path, workers, size, threaded):
    ns = load_workload(path)
    samples = []
    instrument_sleep(ns, samples)
    work = ns["work"]
    units = split(size, workers)
    start = time.perf_counter()
    if threaded:
        threads = [threading.Thread(target=work, args=(i, units[i])) for i in range(workers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    else:
        for i in range(workers):
            work(i, units[i])
    wall = time.perf_counter() - start
    return wall, samples


def p50_ms(samples):
    return statistics.median(samples) * 1000 if samples else None


def run_cpython(name, workers, size):
    path = os.path.join(ROOT, "demos", "workloads", name + ".py")
    if size is None:
        size = load_workload(path).get("DEFAULT_SIZE", 100)
    serial, serial_lat = run_cpython_mode(path, workers, size, False)
    threads, thread_lat = run_cpython_mode(path, workers, size, True)
    return {"size": size, "serial_s": serial, "threads_s": threads, "speedup": serial / threads,
            "io_p50_ms": p50_ms(thread_lat), "io_p50_alone_ms": p50_ms(serial_lat)}


def run_minipy(binary, name, workers, size, mode="threads"):
    cmd = [binary, "--mode", mode, "--workload", name, "--workers", str(workers), "--json"]
    if size is not None:
        cmd += ["--size", str(size)]
    out = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    j = json.loads(out)
    lat = j.get("io_latency_us", {}).get("p50")
    alone = j.get("baseline", {}).get("io_latency_us", {}).get("p50")
    return {"size": j["size"], "serial_s": j["baseline_wall_s"], "threads_s": j["wall_s"], "speedup": j["speedup"],
            "io_p50_ms": lat / 1000 if lat is not None else None,
            "io_p50_alone_ms": alone / 1000 if alone is not None else None}


def find_python2(explicit):
    """The Python 2.7 interpreter to compare with, or None."""
    if explicit:
        return explicit
    try:
        prefix = subprocess.run(["pyenv", "prefix", "2.7.18"], capture_output=True, text=True).stdout.strip()
        if prefix and os.access(os.path.join(prefix, "bin", "python"), os.X_OK):
            return os.path.join(prefix, "bin", "python")
    except OSError:
        pass
    for d in os.environ.get("PATH", "").split(os.pathsep):
        if os.access(os.path.join(d, "python2"), os.X_OK):
            return os.path.join(d, "python2")
    return None


def run_countdown_python(python, size):
    """Countdown under a real Python (2 or 3), in a fresh process."""
    out = subprocess.run([python, os.path.join(ROOT, "scripts", "countdown_threads.py"), str(size), "2"],
                         check=True, capture_output=True, text=True).stdout
    j = json.loads(out)
    return {"serial_s": j["serial_s"], "threads_s": j["threads_s"]}


def run_countdown_minipy(binary, policy, size):
    cmd = [binary, "--mode", "threads", "--workload", "countdown", "--workers", "2", "--size", str(size),
           "--gil", policy, "--json"]
    j = json.loads(subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout)
    return {"serial_s": j["baseline_wall_s"], "threads_s": j["wall_s"]}


def countdown_table(args):
    """Beazley's countdown: Python 2.7, CPython 3 and gil-demo's policies side by side."""
    size = 2000000 if args.quick else 20000000
    python2 = find_python2(args.python2)
    runners = []
    if python2:
        version = subprocess.run([python2, "-c", "import platform; print(platform.python_version())"],
                                 capture_output=True, text=True).stdout.strip()
        runners.append((f"Python {version}", lambda: run_countdown_python(python2, size)))
    runners.append((f"CPython {sys.version.split()[0]}", lambda: run_countdown_python(sys.executable, size)))
    for policy in ("cpython", "legacy", "fair"):
        runners.append((f"gil-demo --gil {policy}",
                        lambda policy=policy: run_countdown_minipy(args.gil_demo, policy, size)))
    samples = {name: [] for name, _ in runners}
    for _ in range(args.repeat):
        for name, run in runners:
            samples[name].append(run())
    load = os.getloadavg()
    print(f"Beazley's countdown: {size:,} serially, then {size // 2:,} in each of two threads; "
          f"median of {args.repeat}; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}\n")
    header = f"{'interpreter':<22} | {'serial':>8} {'2 threads':>9} {'slowdown':>8}"
    print(header)
    print("-" * len(header))
    med = statistics.median
    results = []
    for name, _ in runners:
        rows = samples[name]
        serial = med(r["serial_s"] for r in rows)
        threads = med(r["threads_s"] for r in rows)
        slowdown = med(r["threads_s"] / r["serial_s"] for r in rows)
        results.append({"workload": "countdown", "workers": 2, "size": size, "interpreter": name,
                        "serial_s": serial, "threads_s": threads, "slowdown": slowdown,
                        "slowdowns": [r["threads_s"] / r["serial_s"] for r in rows]})
        print(f"{name:<22} | {serial:>6.3f} s {threads:>7.3f} s {slowdown:>7.2f}x")
    print("\nslowdown = two-thread wall time / serial wall time (median of the per-run ratios); "
          f"this machine has {os.cpu_count()} cores")
    by_name = {r["interpreter"]: r for r in results}
    legacy, cp = by_name["gil-demo --gil legacy"], by_name["gil-demo --gil cpython"]
    print(f"gil-demo serial time, --gil legacy / --gil cpython: {legacy['serial_s'] / cp['serial_s']:.3f}")
    if python2:
        py2 = results[0]
        print(f"gil-demo --gil legacy slowdown / {py2['interpreter']} slowdown: "
              f"{legacy['slowdown'] / py2['slowdown']:.3f}")
    return results


def fmt_ms(v):
    return "-" if v is None else f"{v:.3f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gil-demo", default=os.path.join(ROOT, "build", "release", "gil-demo"))
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--quick", action="store_true", help="a tenth of the default sizes")
    parser.add_argument("--processes-only", action="store_true", help="only the processes table")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs per process and countdown case; medians are shown")
    parser.add_argument("--countdown-only", action="store_true", help="only the countdown table")
    parser.add_argument("--python2", help="the Python 2.7 interpreter for the countdown table")
    args = parser.parse_args()
    if not os.access(args.gil_demo, os.X_OK):
        sys.exit(f"compare_threads_cpython: {args.gil_demo} not found; build it first (README)")
    if args.countdown_only:
        results = countdown_table(args)
    else:
        results = [] if args.processes_only else threads_table(args)
        results += processes_table(args)
        if not args.processes_only:
            print()
            results += countdown_table(args)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


def processes_table(args):
    """cpu with 2 processes (and 4), CPython's multiprocessing against gil-demo's processes mode."""
    print(f"\nCPython {sys.version.split()[0]} (multiprocessing, spawn) and gil-demo (--mode processes), "
          f"cpu workload, default size, median of {args.repeat}\n")
    header = (f"{'workers':>7} | {'CPython serial':>14} {'processes':>9} {'speedup':>7} | "
              f"{'MiniPy serial':>13} {'processes':>9} {'speedup':>7}")
    print(header)
    print("-" * len(header))
    path = os.path.join(ROOT, "demos", "workloads", "cpu.py")
    size = load_workload(path).get("DEFAULT_SIZE", 100)
    if args.quick:
        size //= 10
    results = []
    for workers in (2, 4):
        cp_serial, cp_proc, cp_speed, mp_serial, mp_proc, mp_speed = [], [], [], [], [], []
        for _ in range(args.repeat):
            serial, _ = run_cpython_mode(path, workers, size, False)
            proc = run_cpython_processes(path, workers, size)
            cp_serial.append(serial)
            cp_proc.append(proc)
            cp_speed.append(serial / proc)
            m = run_minipy(args.gil_demo, "cpu", workers, size, mode="processes")
            mp_serial.append(m["serial_s"])
            mp_proc.append(m["threads_s"])
            mp_speed.append(m["speedup"])
        med = statistics.median
        row = {"workload": "cpu", "mode": "processes", "workers": workers, "size": size,
               "cpython": {"serial_s": med(cp_serial), "processes_s": med(cp_proc), "speedup": med(cp_speed)},
               "minipy": {"serial_s": med(mp_serial), "processes_s": med(mp_proc), "speedup": med(mp_speed)}}
        results.append(row)
        print(f"{workers:>7} | {med(cp_serial):>12.3f} s {med(cp_proc):>7.3f} s {med(cp_speed):>6.2f}x | "
              f"{med(mp_serial):>11.3f} s {med(mp_proc):>7.3f} s {med(mp_speed):>6.2f}x")
    print(f"\nspeedup = serial wall time / processes wall time (start-up included), same total work; "
          f"this machine has {os.cpu_count()} cores")
    return results


def threads_table(args):
    print(f"CPython {sys.version.split()[0]} (threading) and gil-demo (MiniPy, --gil cpython), "
          f"same workloads and sizes\n")
    header = (f"{'workload':<8} {'workers':>7} | {'CPython serial':>14} {'threads':>8} {'speedup':>7} "
              f"{'I/O p50 ms':>10} | {'MiniPy serial':>13} {'threads':>8} {'speedup':>7} {'I/O p50 ms':>10}")
    print(header)
    print("-" * len(header))
    results = []
    for name, workers, size in CASES:
        if args.quick:
            path = os.path.join(ROOT, "demos", "workloads", name + ".py")
            size = max(workers, load_workload(path).get("DEFAULT_SIZE", 100) // 10)
        cp = run_cpython(name, workers, size)
        mp = run_minipy(args.gil_demo, name, workers, cp["size"])
        results.append({"workload": name, "workers": workers, "cpython": cp, "minipy": mp})
        print(f"{name:<8} {workers:>7} | {cp['serial_s']:>12.3f} s {cp['threads_s']:>6.3f} s {cp['speedup']:>6.2f}x "
              f"{fmt_ms(cp['io_p50_ms']):>10} | {mp['serial_s']:>11.3f} s {mp['threads_s']:>6.3f} s "
              f"{mp['speedup']:>6.2f}x {fmt_ms(mp['io_p50_ms']):>10}")
    print("\nspeedup = serial wall time / threaded wall time, same total work; "
          "I/O p50 = median delay between the end of a sleep and running again, with the other threads busy")
    return results


if __name__ == "__main__":
    main()
