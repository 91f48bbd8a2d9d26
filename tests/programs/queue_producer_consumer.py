# Producers and consumers over queue.Queue: task_done/join, a bounded queue
# that makes producers wait, put/get timeouts, and the other queue kinds.
import queue
import threading

q = queue.Queue(maxsize=3)
results = []
results_lock = threading.Lock()


def producer(base):
    for i in range(20):
        q.put(base + i)


def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        with results_lock:
            results.append(item * 2)
        q.task_done()


producers = [threading.Thread(target=producer, args=(k * 100,)) for k in range(3)]
consumers = [threading.Thread(target=consumer) for k in range(4)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
q.join()
print("after join:", q.qsize(), q.empty(), q.unfinished_tasks)
for c in consumers:
    q.put(None)
for c in consumers:
    c.join()
print(len(results), sum(results), sorted(results)[:5], sorted(results)[-3:])
print(q.empty(), q.full(), q.maxsize)

# A full queue: put_nowait and put with a timeout raise Full.
small = queue.Queue(2)
small.put(1)
small.put_nowait(2)
print("full:", small.full(), small.qsize())
for attempt in ("nowait", "timeout", "noblock"):
    try:
        if attempt == "nowait":
            small.put_nowait(3)
        elif attempt == "timeout":
            small.put(3, timeout=0.01)
        else:
            small.put(3, False)
    except queue.Full as e:
        print("Full from", attempt, type(e).__name__, isinstance(e, Exception))
print(small.get(), small.get_nowait())
for attempt in ("nowait", "timeout"):
    try:
        small.get_nowait() if attempt == "nowait" else small.get(timeout=0.01)
    except queue.Empty:
        print("Empty from", attempt)
try:
    small.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)

# A waiting get is woken by a put from another thread.
handoff = queue.Queue()
got = []
waiter = threading.Thread(target=lambda: got.append(handoff.get(timeout=30)))
waiter.start()
handoff.put("hello")
waiter.join()
print("handed over:", got)

lifo = queue.LifoQueue()
for x in [1, 2, 3]:
    lifo.put(x)
print("lifo:", [lifo.get() for _ in range(3)])

pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (4, "d"), (1, "b"), (5, "e"), (2, "x"), (0, "z")]:
    pq.put(item)
print("priority:", [pq.get() for _ in range(pq.qsize())])
pq2 = queue.PriorityQueue()
for v in [5, 3, 8, 1, 9, 2, 7, 3, 3, 0, 6]:
    pq2.put(v)
print("priority ints:", [pq2.get_nowait() for _ in range(11)])

sq = queue.SimpleQueue()
sq.put(1)
sq.put_nowait(2)
print("simple:", sq.qsize(), sq.get(), sq.get_nowait(), sq.empty())
try:
    sq.get(block=False)
except queue.Empty:
    print("simple empty")
print(isinstance(lifo, queue.Queue), isinstance(pq, queue.Queue), isinstance(sq, queue.Queue))
