# multiprocessing.Process: start, join, exitcode, names, and the errors of
# misuse. Children report through a Queue, never by printing, so the output
# order does not depend on when each process flushes its stdout.
import multiprocessing
import sys
import time


def report(q, label, count=1, scale=1):
    q.put((label, multiprocessing.current_process().name, count * scale))


def leave(code):
    sys.exit(code)


def nap(seconds):
    time.sleep(seconds)


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    print(multiprocessing.get_start_method())
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=report, args=(q, "first"), kwargs={"count": 3, "scale": 7})
    print(p.name, p.exitcode, p.pid, p.is_alive(), p.daemon)
    p.start()
    print(q.get(timeout=30))
    p.join()
    print(p.exitcode, p.is_alive(), p.pid > 0)

    named = multiprocessing.Process(target=report, args=(q, "named"), name="custom")
    named.start()
    print(q.get(timeout=30))
    named.join()

    codes = []
    for code in [0, 3, 255]:
        c = multiprocessing.Process(target=leave, args=(code,))
        c.start()
        c.join()
        codes.append(c.exitcode)
    print("exit codes", codes)

    sleeper = multiprocessing.Process(target=nap, args=(30,))
    sleeper.start()
    sleeper.join(0.05)
    print("still alive after a short join:", sleeper.is_alive(), sleeper.exitcode)
    sleeper.terminate()
    sleeper.join()
    print("terminated:", sleeper.exitcode, sleeper.is_alive())

    try:
        p.start()
    except AssertionError as e:
        print("AssertionError:", e)
    try:
        multiprocessing.Process(target=nap, args=(0,)).join()
    except AssertionError as e:
        print("AssertionError:", e)
    print(multiprocessing.current_process().name, multiprocessing.active_children())
