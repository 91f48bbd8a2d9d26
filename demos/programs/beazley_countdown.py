# David Beazley's GIL experiment (2009): count down from a large number,
# first sequentially, then in two threads. Runs unchanged under python3.
# Under a GIL the threaded version is no faster, and under Python 2's GIL
# (gil-demo's --gil legacy policy) it is slower.
import sys
import time
from threading import Thread

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 20000000


def countdown(n):
    while n > 0:
        n -= 1


start = time.time()
countdown(COUNT)
sequential = time.time() - start
print(f"sequential: {sequential:.2f} s")

start = time.time()
t1 = Thread(target=countdown, args=(COUNT // 2,))
t2 = Thread(target=countdown, args=(COUNT // 2,))
t1.start()
t2.start()
t1.join()
t2.join()
threaded = time.time() - start
print(f"two threads: {threaded:.2f} s ({sequential / threaded:.2f}x the sequential speed)")
