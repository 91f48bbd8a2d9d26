#!/usr/bin/python3
"""Regenerates the expectation files of the MiniPy conformance tests from CPython.

Usage: /usr/bin/python3 tests/programs/tools/regen_expected.py [NAME.py ...]
       (no arguments: every program in tests/programs and tests/errors)

For tests/programs/NAME.py it writes NAME.out, and NAME.exit when the exit
status is not 0 (an existing NAME.exit is removed when it is 0).
For tests/errors/NAME.py it writes NAME.out, NAME.exit, and NAME.err: stderr
with the caret/tilde marker lines removed and the program's path replaced by
{FILE}. A test that has a NAME.errtail keeps it and gets no NAME.err.
Programs whose first line is '# minipy-only' are skipped: their expectations
are written by hand because CPython has no int64 overflow.

Run it with Debian's /usr/bin/python3 (3.11), the interpreter MiniPy follows,
and read the diff before committing: an expectation only changes on purpose.
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.dirname(HERE)
ERRORS = os.path.join(os.path.dirname(PROGRAMS), "errors")
PYTHON = "/usr/bin/python3"
MARKER_LINE = re.compile(r"^ *[~^]+[~^ ]*$")


def filter_stderr(text, path):
    lines = [l for l in text.split("\n") if not MARKER_LINE.match(l)]
    text = "\n".join(lines).replace('"' + path + '"', '"{FILE}"')
    return text.replace('"' + os.path.dirname(path) + "/", '"{DIR}/')


def write(path, text):
    with open(path, "w", newline="") as f:
        f.write(text)


def regen(path):
    path = os.path.abspath(path)
    with open(path) as f:
        if f.readline().startswith("# minipy-only"):
            print("skip (minipy-only):", os.path.relpath(path))
            return
    base = path[:-3]
    # NAME.in, when present, is the program's stdin (as check_program.cmake).
    stdin = open(base + ".in", "rb") if os.path.exists(base + ".in") else subprocess.DEVNULL
    run = subprocess.run([PYTHON, "-B", path], cwd=os.path.dirname(path), stdin=stdin,
                         capture_output=True, timeout=120)
    stdout = run.stdout.decode()
    stderr = run.stderr.decode()
    write(base + ".out", stdout)
    is_error_test = os.path.dirname(path) == ERRORS
    if is_error_test:
        write(base + ".exit", f"{run.returncode}\n")
        if os.path.exists(base + ".errtail"):
            last = stderr.rstrip("\n").split("\n")[-1]
            with open(base + ".errtail") as f:
                want = f.read().strip()
            if last != want:
                print(f"WARNING {os.path.relpath(path)}: last stderr line {last!r} != errtail {want!r}")
        else:
            write(base + ".err", filter_stderr(stderr, path))
    else:
        if run.returncode != 0:
            write(base + ".exit", f"{run.returncode}\n")
        elif os.path.exists(base + ".exit"):
            os.remove(base + ".exit")
        if stderr:
            print(f"WARNING {os.path.relpath(path)} wrote to stderr:\n{stderr}")
    print(f"{os.path.relpath(path)}: exit {run.returncode}")


def main(args):
    if args:
        paths = args
    else:
        paths = []
        for d in (PROGRAMS, ERRORS):
            paths += sorted(os.path.join(d, n) for n in os.listdir(d) if n.endswith(".py") and not n.startswith("_"))
    for p in paths:
        regen(p)


if __name__ == "__main__":
    main(sys.argv[1:])
