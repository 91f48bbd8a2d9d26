#!/usr/bin/env python3
"""Time the bench/programs/*.py programs under CPython and under MiniPy.

Each program is run under both interpreters in one go, alternating
(CPython, MiniPy, CPython, MiniPy, ...), --repeat times each. Every run's
stdout must be identical between the two (and the exit code 0); any
difference is reported and the script exits 1. It then prints, per program,
the median wall time under each interpreter and the ratio

    ratio = CPython median / MiniPy median

so a ratio above 1 means MiniPy was faster, below 1 slower. The last row is
the geometric mean of the ratios.

Wall time is measured with time.perf_counter() around subprocess.run, so it
includes process start-up (about 20 ms for CPython) as well as parsing and
compiling. Only the Python standard library is used.

    scripts/compare_cpython.py                       # release build, 5 runs each
    scripts/compare_cpython.py --repeat 11 --json out.json
    scripts/compare_cpython.py --only fib --only countdown
    scripts/compare_cpython.py --smoke               # tiny sizes, 1 run: output check only
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS_DIR = ROOT / "bench" / "programs"

# Program name -> tiny size used by --smoke (the default sizes are the
# programs' own, chosen to take roughly 0.2-1 s under CPython 3.11).
SMOKE_SIZES = {
    "countdown": 2000,
    "fib": 12,
    "list_sum": 2000,
    "string_build": 2000,
    "word_count": 2000,
}


class RunFailure(Exception):
    pass


def fail(message: str) -> "NoReturn":  # noqa: F821
    print(f"compare_cpython.py: error: {message}", file=sys.stderr)
    sys.exit(2)


def limit_memory(max_bytes: int):
    """A preexec_fn that caps the child's address space, so a leaking
    interpreter fails with MemoryError/bad_alloc instead of taking the
    machine down."""

    def apply() -> None:
        if max_bytes > 0:
            resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))

    return apply


def run_once(label: str, cmd: list[str], timeout: float, max_bytes: int) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=timeout,
            preexec_fn=limit_memory(max_bytes),
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        raise RunFailure(f"{label}: timed out after {timeout:g} s: {' '.join(cmd)}")
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        stderr = proc.stderr.decode("utf-8", "replace").strip()
        how = (f"killed by signal {-proc.returncode}" if proc.returncode < 0
               else f"exited with code {proc.returncode}")
        tail = "\n".join(stderr.splitlines()[-15:])
        raise RunFailure(f"{label}: {how}: {' '.join(cmd)}" + (f"\n{tail}" if tail else ""))
    return elapsed, proc.stdout.decode("utf-8", "replace")


def show_diff(expected: str, actual: str) -> str:
    import difflib

    return "".join(difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True),
        fromfile="CPython", tofile="MiniPy"))


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
    repeat = 1 if args.smoke else args.repeat

    programs = sorted(p for p in PROGRAMS_DIR.glob("*.py"))
    if not programs:
        fail(f"no programs in {PROGRAMS_DIR}")
    if args.only:
        wanted = set(args.only)
        unknown = wanted - {p.stem for p in programs}
        if unknown:
            fail(f"unknown program(s): {', '.join(sorted(unknown))}")
        programs = [p for p in programs if p.stem in wanted]

    max_bytes = args.max_memory_mb * 1024 * 1024
    results = []
    problems = []
    for program in programs:
        name = program.stem
        extra = [str(SMOKE_SIZES.get(name, 10))] if args.smoke else []
        rel = str(program.relative_to(ROOT))
        cpython_cmd = [str(python), rel, *extra]
        minipy_cmd = [str(gil_demo), "run", rel, *extra]
        print(f"running {name} ({repeat}x each) ...", file=sys.stderr, flush=True)
        cpython_times: list[float] = []
        minipy_times: list[float] = []
        reference = None
        try:
            for _ in range(repeat):
                t, out = run_once(f"{name} under CPython", cpython_cmd, args.timeout, max_bytes)
                cpython_times.append(t)
                if reference is None:
                    reference = out
                elif out != reference:
                    raise RunFailure(f"{name}: CPython output is not deterministic:\n{show_diff(reference, out)}")
                t, out = run_once(f"{name} under MiniPy", minipy_cmd, args.timeout, max_bytes)
                minipy_times.append(t)
                if out != reference:
                    raise RunFailure(f"{name}: MiniPy output differs from CPython:\n{show_diff(reference, out)}")
        except RunFailure as e:
            problems.append(str(e))
            results.append({"program": name, "args": extra, "ok": False, "error": str(e),
                            "cpython_times_s": cpython_times, "minipy_times_s": minipy_times})
            continue
        cp = statistics.median(cpython_times)
        mp = statistics.median(minipy_times)
        results.append({
            "program": name, "args": extra, "ok": True,
            "cpython_median_s": cp, "minipy_median_s": mp, "ratio": cp / mp,
            "cpython_times_s": cpython_times, "minipy_times_s": minipy_times,
            "output": reference,
        })

    ok = [r for r in results if r["ok"]]
    geomean = math.exp(sum(math.log(r["ratio"]) for r in ok) / len(ok)) if ok else None

    header = f"{'program':<14} {'CPython s':>10} {'MiniPy s':>10} {'ratio':>8}"
    print(header)
    print("-" * len(header))
    for r in results:
        if r["ok"]:
            print(f"{r['program']:<14} {r['cpython_median_s']:>10.3f} {r['minipy_median_s']:>10.3f} "
                  f"{r['ratio']:>8.2f}")
        else:
            print(f"{r['program']:<14} {'FAILED':>10} {'':>10} {'':>8}")
    print("-" * len(header))
    if geomean is not None:
        suffix = f"   ({len(ok)} of {len(results)} programs)" if len(ok) != len(results) else ""
        print(f"{'geomean':<14} {'':>10} {'':>10} {geomean:>8.2f}{suffix}")
    print(f"(median of {repeat} runs; ratio = CPython time / MiniPy time, >1 means MiniPy is faster)")

    if args.json:
        data = {
            "python": str(python),
            "python_version": subprocess.run([str(python), "--version"], capture_output=True,
                                             text=True).stdout.strip(),
            "gil_demo": str(gil_demo),
            "repeat": repeat,
            "smoke": args.smoke,
            "machine": platform.platform(),
            "programs": results,
            "geomean_ratio": geomean,
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
