"""Beazley's countdown under the running Python (2.7 or 3): the workload
demos/workloads/countdown.py counts `size` down serially, then size/2 in each
of two threads. Prints one JSON object: serial_s, threads_s, speedup.

Written for Python 2.7 and 3 alike, so that scripts/compare_threads_cpython.py
can run it under a real Python 2 interpreter.

Usage: python scripts/countdown_threads.py SIZE [WORKERS]
"""
import json
import os
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    size = int(sys.argv[1])
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    namespace = {"__name__": "countdown"}
    with open(os.path.join(ROOT, "demos", "workloads", "countdown.py")) as f:
        exec(compile(f.read(), "countdown.py", "exec"), namespace)
    work = namespace["work"]
    start = time.time()
    work(0, size)
    serial = time.time() - start
    shares = [size // workers + (1 if i < size % workers else 0) for i in range(workers)]
    threads = [threading.Thread(target=work, args=(i, shares[i])) for i in range(workers)]
    start = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    threaded = time.time() - start
    print(json.dumps({"serial_s": serial, "threads_s": threaded, "speedup": serial / threaded}))


if __name__ == "__main__":
    main()
