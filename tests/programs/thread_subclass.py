# A Thread subclass overriding run, a lock held with `with` inside a class, and
# a class deriving from list.
import threading
class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.total = 0
    def run(self):
        for i in range(self.n):
            self.total += i
ws = [Worker(1000 * (k + 1)) for k in range(3)]
for w in ws: w.start()
for w in ws: w.join()
print([w.total for w in ws])
class Counter:
    def __init__(self):
        self.lock = threading.Lock()
        self.n = 0
    def inc(self):
        with self.lock:
            self.n += 1
c = Counter()
ts = [threading.Thread(target=lambda: [c.inc() for _ in range(500)]) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(c.n)
class MyList(list):
    def total(self): return sum(self)
m = MyList([1, 2, 3]); m.append(4)
print(m, m.total(), type(m).__name__, isinstance(m, list), len(m))
