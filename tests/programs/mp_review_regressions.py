# Regressions found in review of multiprocessing: Pool.apply's kwds, a pool
# used after a map that could not send its arguments, Pool.map from two
# threads at once, an exception type from the queue module coming back from
# a pool task, join racing exitcode in another thread, and a child that
# cancels its queue's join at exit with the pipe full.
import multiprocessing
import queue
import sys
import threading


def add(x, y=0):
    return x + y


def square(x):
    return x * x


def raise_empty(x):
    raise queue.Empty()


def quit3():
    sys.exit(3)


def fill_and_leave(q):
    for i in range(4):
        q.put("x" * 1000000)  # more than the pipe holds, and nobody reads
    q.cancel_join_thread()


def mapper(pool, base, results):
    results[base] = pool.map(square, range(base, base + 50))


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    with multiprocessing.Pool(2) as pool:
        print(pool.apply(add, (1,), {"y": 5}), pool.apply(add, (2,), kwds={"y": 6}), pool.apply(add, (3,)))
        try:
            pool.map(square, [1, 2, lambda: 0])
        except Exception as e:
            print("first map:", type(e).__name__)
        print(pool.map(square, [10, 20, 30, 40]))
        results = {}
        threads = [threading.Thread(target=mapper, args=(pool, base, results)) for base in [0, 1000]]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        print(results[0] == [x * x for x in range(50)], results[1000] == [x * x for x in range(1000, 1050)])
        try:
            pool.map(raise_empty, [1])
        except queue.Empty:
            print("queue.Empty came back")
    codes = []
    for i in range(10):
        p = multiprocessing.Process(target=quit3)
        p.start()
        t = threading.Thread(target=p.join)
        t.start()
        while p.exitcode is None:
            pass
        t.join()
        codes.append(p.exitcode)
    print(codes)
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=fill_and_leave, args=(q,))
    p.start()
    p.join(60)
    print("cancel_join_thread: exit code", p.exitcode)
