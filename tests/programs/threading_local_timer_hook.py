# threading.local (and a subclass), Timer with cancel, excepthook, and the
# module's thread queries.
import threading

data = threading.local()
data.x = "main"
out = {}


def set_and_read(k):
    print_before = hasattr(data, "x")
    data.x = k
    out[k] = (print_before, data.x)


threads = [threading.Thread(target=set_and_read, args=(k,)) for k in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("local:", data.x, [out[k] for k in range(3)])


class Counter(threading.local):
    def __init__(self, start):
        self.n = start

    def bump(self):
        self.n += 1
        return self.n


c = Counter(10)
c.bump()
results = []
t = threading.Thread(target=lambda: results.append((c.n, c.bump(), c.bump())))
t.start()
t.join()
print("local subclass:", c.n, results)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)

fired = []
timer = threading.Timer(30, lambda: fired.append("late"))
timer.start()
timer.cancel()
timer.join()
print("cancelled timer fired:", fired, timer.is_alive())
done = threading.Event()
quick = threading.Timer(0.01, lambda x, y=0: (fired.append(x + y), done.set()), args=(1,), kwargs={"y": 2})
quick.start()
done.wait()
quick.join()
print("quick timer fired:", fired)

caught = []


def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name, args.exc_traceback is not None))


threading.excepthook = hook


def fails():
    raise ValueError("boom")


t = threading.Thread(target=fails, name="failing")
t.start()
t.join()
print("excepthook saw:", caught)
threading.excepthook = threading.__excepthook__

main = threading.main_thread()
print(threading.current_thread() is main, main.name, threading.active_count())
release = threading.Event()
started = threading.Semaphore(0)


def idle():
    started.release()
    release.wait()


ts = [threading.Thread(target=idle, name="idle-%d" % k) for k in range(3)]
for t in ts:
    t.start()
for t in ts:
    started.acquire()
print([t.name for t in threading.enumerate()], threading.active_count())
print(all(isinstance(t.ident, int) and isinstance(t.native_id, int) for t in ts))
print(threading.get_ident() == main.ident, threading.get_native_id() == main.native_id)
release.set()
for t in ts:
    t.join()
print([t.is_alive() for t in ts], len(threading.enumerate()))


class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__(name="worker-%d" % n, daemon=False)
        self.n = n
        self.result = None

    def run(self):
        self.result = self.n * self.n


ws = [Worker(n) for n in range(4)]
print([w.ident for w in ws], ws[0].daemon)
for w in ws:
    w.start()
for w in ws:
    w.join()
print([(w.name, w.result) for w in ws])

cond = threading.Condition()
items = []


def add_items():
    for i in range(5):
        with cond:
            items.append(i)
            cond.notify_all()


t = threading.Thread(target=add_items)
with cond:
    t.start()
    print("wait_for:", cond.wait_for(lambda: len(items) == 5, timeout=30), items)
    print("wait_for timeout:", cond.wait_for(lambda: len(items) > 5, timeout=0.01))
t.join()
lock = threading.Lock()
print(lock.acquire(True, 0.01), lock.locked(), lock.acquire(timeout=0.01), lock.acquire(False))
lock.release()
with threading.RLock() as r:
    print("rlock with:", r is None)
