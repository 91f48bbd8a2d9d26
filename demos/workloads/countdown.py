# countdown: David Beazley's GIL experiment (2009). One unit is one pass of
# `while n > 0: n -= 1`, so `--size 20000000 --workers 2` counts 20 million
# serially, then 10 million in each of two threads. The file runs unchanged
# under Python 2.7 and 3 (scripts/compare_threads_cpython.py runs it there).

DEFAULT_SIZE = 20000000


def work(worker, units):
    n = units
    while n > 0:
        n -= 1
    return n


if __name__ == "__main__":
    print(work(0, 1000))
