# A race on a shared counter. `counter = bump(counter)` reads the counter,
# calls a function (where the GIL may switch threads: the eval breaker is
# checked on every call) and writes it back, so another thread's increments
# in between are overwritten. With a Lock around the read-modify-write no
# update is ever lost. Runs unchanged under python3; try a smaller switch
# interval to lose more: gil-demo run demos/programs/race.py 0.00001
import sys
import threading

THREADS = 4
ROUNDS = 200000

counter = 0
lock = threading.Lock()


def bump(value):
    return value + 1


def unsafe():
    global counter
    for i in range(ROUNDS):
        counter = bump(counter)


def safe():
    global counter
    for i in range(ROUNDS):
        with lock:
            counter = bump(counter)


def run(target):
    global counter
    counter = 0
    threads = [threading.Thread(target=target) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return counter


if len(sys.argv) > 1:
    sys.setswitchinterval(float(sys.argv[1]))
expected = THREADS * ROUNDS
got = run(unsafe)
print(f"without a lock: {got} of {expected} increments ({expected - got} lost)")
got = run(safe)
print(f"with a lock:    {got} of {expected} increments ({expected - got} lost)")
