#!/usr/bin/env python3
"""Time the bench/programs/*.py programs under CPython and under MiniPy.

Each program is run under both interpreters in one go, alternating
(CPython, MiniPy, CPython, MiniPy, ...), --repeat times each. Every run's
stdout must be identical between the two (and the exit code 0). A program
whose MiniPy run exits non-zero, times out or prints something different is
marked FAILED in the table (with a short reason; the full error or diff is
printed after the table), MiniPy is not run again on it, and the remaining
CPython runs still happen so its CPython times are complete; the other
programs are measured as usual. A CPython failure also marks the program
FAILED. The script exits 1 when any program failed, 0 otherwise.

Two times are taken for every run:

- CPU time: user + system time of the child process (and any children it
  waited for), from the difference in resource.getrusage(RUSAGE_CHILDREN)
  before and after the run. This is the main figure: time spent waiting
  for a CPU does not count, so it is less disturbed than wall time by other
  work on the machine (which still slows a process down through shared
  caches and memory).
- wall time: time.perf_counter() around subprocess.run.

Both include process start-up as well as parsing and compiling. The table
shows, per program, the median CPU time under each interpreter and the ratio

    ratio = CPython median CPU time / MiniPy median CPU time

so a ratio above 1 means MiniPy was faster, below 1 slower; then the median
wall times and their ratio. The last row holds the geometric means of the
ratios over the programs that passed.

By default both interpreters are pinned to CPU 1 (with os.sched_setaffinity
in the child just before exec, which is what `taskset -c 1` does, falling
back to running under `taskset` where os.sched_setaffinity is missing), so
the two are measured on the same core and are not migrated between cores
mid-run. --cpu N picks another CPU; --no-pin turns pinning off. When CPU 1 is
not available to this process and no --cpu was given, nothing is pinned.

Only the Python standard library is used.

    scripts/compare_cpython.py                       # release build, 5 runs each, pinned to CPU 1
    scripts/compare_cpython.py --repeat 11 --json out.json
    scripts/compare_cpython.py --only fib --only countdown
    scripts/compare_cpython.py --cpu 0               # pin to CPU 0 instead
    scripts/compare_cpython.py --no-pin
    scripts/compare_cpython.py --smoke               # tiny sizes, 1 run: output check only
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS_DIR = ROOT / "bench" / "programs"

# Program name -> tiny size used by --smoke (the default sizes are the
# programs' own, chosen to take roughly 0.2-1.5 s under CPython 3.11).
SMOKE_SIZES = {
    "countdown": 2000,
    "fannkuch": 6,
    "fib": 12,
    "generators": 2000,
    "list_sum": 2000,
    "mandelbrot": 20,
    "nbody": 100,
    "pidigits": 60,
    "raytracer": 10,
    "richards": 1,
    "string_build": 2000,
    "word_count": 2000,
}


class RunFailure(Exception):
    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason  # a few words for the table, e.g. "exit code 1"


def fail(message: str) -> "NoReturn":  # noqa: F821
    print(f"compare_cpython.py: error: {message}", file=sys.stderr)
    sys.exit(2)


def child_setup(max_bytes: int, cpu: int | None):
    """A preexec_fn that caps the child's address space, so a leaking
    interpreter fails with MemoryError/bad_alloc instead of taking the
    machine down, and pins it to one CPU when cpu is not None."""

    def apply() -> None:
        if max_bytes > 0:
            resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))
        if cpu is not None:
            os.sched_setaffinity(0, {cpu})

    return apply


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(label: str, cmd: list[str], timeout: float, preexec) -> tuple[float, float, str]:
    """Runs cmd; returns (CPU seconds, wall seconds, stdout) or raises
    RunFailure. The script runs one child at a time, so the growth of
    RUSAGE_CHILDREN across the run is this child's CPU time."""
    cpu_before = children_cpu_seconds()
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=timeout,
            preexec_fn=preexec,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        raise RunFailure(f"timeout {timeout:g} s",
                         f"{label}: timed out after {timeout:g} s: {' '.join(cmd)}")
    elapsed = time.perf_counter() - start
    cpu = children_cpu_seconds() - cpu_before
    if proc.returncode != 0:
        stderr = proc.stderr.decode("utf-8", "replace").strip()
        how = (f"killed by signal {-proc.returncode}" if proc.returncode < 0
               else f"exit code {proc.returncode}")
        lines = stderr.splitlines()
        tail = "\n".join(lines[-15:])
        reason = how
        summary = error_summary(lines)
        if summary:
            reason += f": {summary}"
        raise RunFailure(reason, f"{label}: {how}: {' '.join(cmd)}" + (f"\n{tail}" if tail else ""))
    return cpu, elapsed, proc.stdout.decode("utf-8", "replace")


def error_summary(lines: list[str]) -> str:
    """The exception line of an error report ("SyntaxError: 'class' ..."),
    from the end of stderr; the last non-empty line if there is none."""
    for line in reversed(lines):
        match = re.search(r"\b[A-Za-z_]*(Error|Exception|Interrupt|Exit)\b:?.*", line)
        if match:
            return match.group(0).strip()
    for line in reversed(lines):
        if line.strip():
            return line.strip()
    return ""


def show_diff(expected: str, actual: str, tofile: str) -> str:
    import difflib

    return "".join(difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True),
        fromfile="CPython", tofile=tofile))


def geometric_mean(values: list[float]) -> float | None:
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 3] + "..."


def choose_cpu(args) -> tuple[int | None, list[str], str]:
    """Returns (cpu for sched_setaffinity or None, command prefix, description)."""
    if args.no_pin:
        return None, [], "not pinned (--no-pin)"
    has_affinity = hasattr(os, "sched_setaffinity") and hasattr(os, "sched_getaffinity")
    taskset = shutil.which("taskset")
    if not has_affinity and taskset is None:
        if args.cpu is not None:
            fail("--cpu needs os.sched_setaffinity or taskset, and neither is available")
        return None, [], "not pinned (no os.sched_setaffinity and no taskset)"
    wanted = 1 if args.cpu is None else args.cpu
    if has_affinity:
        allowed = os.sched_getaffinity(0)
        if wanted not in allowed:
            if args.cpu is not None:
                fail(f"CPU {wanted} is not available to this process "
                     f"(available: {', '.join(str(c) for c in sorted(allowed))})")
            return None, [], "not pinned (CPU 1 is not available to this process)"
        return wanted, [], f"pinned to CPU {wanted}"
    return None, [taskset, "-c", str(wanted)], f"pinned to CPU {wanted} (taskset)"


def main() -> int:
    parser = argparse.ArgumentParser(
        description="Compare MiniPy (gil-demo run) against CPython on bench/programs/*.py.")
    parser.add_argument("--python", default="/usr/bin/python3",
                        help="CPython interpreter (default: %(default)s)")
    parser.add_argument("--gil-demo", default=str(ROOT / "build" / "release" / "gil-demo"),
                        help="gil-demo binary (default: build/release/gil-demo)")
    parser.add_argument("--repeat", type=int, default=5,
                        help="runs per program and interpreter (default: %(default)s)")
    parser.add_argument("--json", metavar="FILE", help="also write the results to FILE as JSON")
    parser.add_argument("--only", action="append", metavar="NAME",
                        help="run only this program (repeatable), e.g. --only fib")
    parser.add_argument("--smoke", action="store_true",
                        help="tiny sizes and one run each: checks outputs, timings mean nothing")
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="seconds allowed per run (default: %(default)s)")
    parser.add_argument("--max-memory-mb", type=int, default=4096,
                        help="address-space cap per run in MiB, 0 for none (default: %(default)s)")
    pin = parser.add_mutually_exclusive_group()
    pin.add_argument("--cpu", type=int, metavar="N",
                     help="pin both interpreters to CPU N (default: CPU 1, when available)")
    pin.add_argument("--no-pin", action="store_true",
                     help="do not pin the interpreters to a CPU")
    args = parser.parse_args()

    gil_demo = Path(args.gil_demo)
    if not gil_demo.is_file():
        fail(f"gil-demo binary not found at {gil_demo}; build it first "
             "(cmake --preset release && cmake --build --preset release) or pass --gil-demo PATH")
    if not os.access(gil_demo, os.X_OK):
        fail(f"{gil_demo} is not executable")
    python = Path(args.python)
    if not python.is_file() or not os.access(python, os.X_OK):
        fail(f"CPython interpreter not found at {python}; pass --python PATH")
    if args.repeat < 1:
        fail("--repeat must be at least 1")
    if args.cpu is not None and args.cpu < 0:
        fail("--cpu must be a CPU number, 0 or more")
    repeat = 1 if args.smoke else args.repeat
    cpu, prefix, pinning = choose_cpu(args)

    programs = sorted(p for p in PROGRAMS_DIR.glob("*.py"))
    if not programs:
        fail(f"no programs in {PROGRAMS_DIR}")
    if args.only:
        wanted = set(args.only)
        unknown = wanted - {p.stem for p in programs}
        if unknown:
            fail(f"unknown program(s): {', '.join(sorted(unknown))}")
        programs = [p for p in programs if p.stem in wanted]

    preexec = child_setup(args.max_memory_mb * 1024 * 1024, cpu)
    print(f"CPU: {pinning}", file=sys.stderr, flush=True)
    results = []
    problems = []
    for program in programs:
        name = program.stem
        extra = [str(SMOKE_SIZES.get(name, 10))] if args.smoke else []
        rel = str(program.relative_to(ROOT))
        cpython_cmd = [*prefix, str(python), rel, *extra]
        minipy_cmd = [*prefix, str(gil_demo), "run", rel, *extra]
        print(f"running {name} ({repeat}x each) ...", file=sys.stderr, flush=True)
        cp_cpu: list[float] = []
        cp_wall: list[float] = []
        mp_cpu: list[float] = []
        mp_wall: list[float] = []
        reference = None
        failures: list[tuple[str, RunFailure]] = []  # (interpreter, failure)
        minipy_failed = False
        for _ in range(repeat):
            try:
                c, w, out = run_once(f"{name} under CPython", cpython_cmd, args.timeout, preexec)
                if reference is not None and out != reference:
                    raise RunFailure("CPython output not deterministic",
                                     f"{name}: CPython output is not deterministic:\n"
                                     f"{show_diff(reference, out, 'CPython (again)')}")
            except RunFailure as e:
                failures.append(("CPython", e))
                break
            cp_cpu.append(c)
            cp_wall.append(w)
            if reference is None:
                reference = out
            if minipy_failed:
                continue  # only complete the CPython runs
            try:
                c, w, out = run_once(f"{name} under MiniPy", minipy_cmd, args.timeout, preexec)
                if out != reference:
                    raise RunFailure("output differs from CPython",
                                     f"{name}: MiniPy output differs from CPython:\n"
                                     f"{show_diff(reference, out, 'MiniPy')}")
            except RunFailure as e:
                failures.append(("MiniPy", e))
                minipy_failed = True
                continue
            mp_cpu.append(c)
            mp_wall.append(w)

        result = {
            "program": name, "args": extra, "ok": not failures,
            "cpython_cpu_s": cp_cpu, "cpython_wall_s": cp_wall,
            "minipy_cpu_s": mp_cpu, "minipy_wall_s": mp_wall,
        }
        if cp_cpu:
            result["cpython_cpu_median_s"] = statistics.median(cp_cpu)
            result["cpython_wall_median_s"] = statistics.median(cp_wall)
        if failures:
            result["failures"] = [{"interpreter": who, "reason": e.reason, "error": str(e)}
                                  for who, e in failures]
            # The table shows the first failure's reason.
            who, e = failures[0]
            result["reason"] = e.reason if who == "MiniPy" else f"under CPython: {e.reason}"
            problems.extend(str(e) for _, e in failures)
        else:
            result["minipy_cpu_median_s"] = statistics.median(mp_cpu)
            result["minipy_wall_median_s"] = statistics.median(mp_wall)
            result["cpu_ratio"] = result["cpython_cpu_median_s"] / result["minipy_cpu_median_s"]
            result["wall_ratio"] = result["cpython_wall_median_s"] / result["minipy_wall_median_s"]
            result["output"] = reference
        results.append(result)

    ok = [r for r in results if r["ok"]]
    cpu_geomean = geometric_mean([r["cpu_ratio"] for r in ok])
    wall_geomean = geometric_mean([r["wall_ratio"] for r in ok])

    header = (f"{'program':<14} {'CPython cpu':>11} {'MiniPy cpu':>11} {'ratio':>7}   "
              f"{'CPython wall':>12} {'MiniPy wall':>11} {'ratio':>7}")
    print(header)
    print("-" * len(header))
    for r in results:
        cp_c = f"{r['cpython_cpu_median_s']:.3f}" if "cpython_cpu_median_s" in r else ""
        cp_w = f"{r['cpython_wall_median_s']:.3f}" if "cpython_wall_median_s" in r else ""
        if r["ok"]:
            print(f"{r['program']:<14} {cp_c:>11} {r['minipy_cpu_median_s']:>11.3f} {r['cpu_ratio']:>7.2f}   "
                  f"{cp_w:>12} {r['minipy_wall_median_s']:>11.3f} {r['wall_ratio']:>7.2f}")
        else:
            print(f"{r['program']:<14} {cp_c:>11} {'FAILED':>11} {'':>7}   {cp_w:>12} {'':>11} {'':>7}   "
                  + shorten(r["reason"], 60))
    print("-" * len(header))
    if cpu_geomean is not None:
        suffix = f"   ({len(ok)} of {len(results)} programs)" if len(ok) != len(results) else ""
        print(f"{'geomean':<14} {'':>11} {'':>11} {cpu_geomean:>7.2f}   {'':>12} {'':>11} "
              f"{wall_geomean:>7.2f}{suffix}")
    print(f"(median of {repeat} runs, in seconds; cpu = user + system time of the process; "
          f"{pinning};\n ratio = CPython time / MiniPy time, >1 means MiniPy is faster)")

    if args.json:
        data = {
            "python": str(python),
            "python_version": subprocess.run([str(python), "--version"], capture_output=True,
                                             text=True).stdout.strip(),
            "gil_demo": str(gil_demo),
            "repeat": repeat,
            "smoke": args.smoke,
            "pinning": pinning,
            "machine": platform.platform(),
            "programs": results,
            "geomean_cpu_ratio": cpu_geomean,
            "geomean_wall_ratio": wall_geomean,
        }
        Path(args.json).write_text(json.dumps(data, indent=2) + "\n")

    if problems:
        print("", file=sys.stderr)
        for p in problems:
            print(f"FAILED: {p}\n", file=sys.stderr)
        print(f"compare_cpython.py: {len(problems)} program(s) failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
