# concurrent.futures over threads: map (timeout, chunksize), submit,
# as_completed, wait and its return conditions, exceptions, callbacks,
# cancelling queued work, result timeouts, shutdown(cancel_futures).
import concurrent.futures as cf
import threading
def square(x):
    return x * x
def fail(x):
    raise ValueError("bad %d" % x)
with cf.ThreadPoolExecutor(max_workers=4, thread_name_prefix="pool") as ex:
    print(list(ex.map(square, range(10))))
    print(list(ex.map(square, range(5), timeout=30, chunksize=2)))
    fs = [ex.submit(square, i) for i in range(8)]
    print(sorted(f.result() for f in cf.as_completed(fs, timeout=30)))
    f = ex.submit(fail, 3)
    print(type(f.exception()).__name__, f.exception(), f.done(), f.cancelled(), f.running())
    try:
        f.result()
    except ValueError as e:
        print("raised:", e)
    done, not_done = cf.wait(fs, timeout=30)
    print(len(done), len(not_done))
    r = cf.wait(fs, return_when=cf.FIRST_COMPLETED)
    print(type(r).__name__, len(r.done) >= 1)
    got = []
    f2 = ex.submit(square, 7)
    f2.result()
    # On a finished future the callback runs at once, in this thread.
    f2.add_done_callback(lambda fut: got.append(fut.result()))
    print("callback:", got)
    names = ex.submit(lambda: threading.current_thread().name).result()
    print(names.startswith("pool_"))
gate = threading.Event()
ex = cf.ThreadPoolExecutor(max_workers=1)
blocker = ex.submit(gate.wait)
queued = ex.submit(square, 3)
print("cancel queued:", queued.cancel(), queued.cancelled(), queued.done())
try:
    queued.result()
except cf.CancelledError:
    print("CancelledError")
try:
    blocker.result(timeout=0.01)
except cf.TimeoutError:
    print("TimeoutError", cf.TimeoutError is TimeoutError)
gate.set()
ex.shutdown(wait=True, cancel_futures=True)
print(blocker.result())
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print(e)
