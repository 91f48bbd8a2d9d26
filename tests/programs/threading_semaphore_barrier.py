# Semaphore counting, BoundedSemaphore, and a Barrier whose parties report
# in an order the program's own synchronisation fixes.
import threading

sem = threading.Semaphore(2)
inside = 0
most_inside = 0
count_lock = threading.Lock()
release_all = threading.Event()
entered = threading.Semaphore(0)


def worker():
    global inside, most_inside
    with sem:
        with count_lock:
            inside += 1
            most_inside = max(most_inside, inside)
        entered.release()
        release_all.wait()
        with count_lock:
            inside -= 1


threads = [threading.Thread(target=worker) for _ in range(6)]
for t in threads:
    t.start()
entered.acquire()
entered.acquire()
print("third acquire without blocking:", sem.acquire(blocking=False))
print("with a timeout:", sem.acquire(timeout=0.01))
release_all.set()
for t in threads:
    t.join()
print("most inside at once:", most_inside, "inside now:", inside)
print("acquire now:", sem.acquire(), sem.acquire(False), sem.acquire(False))
sem.release(2)
print("released two:", sem.acquire(False), sem.acquire(False), sem.acquire(False))

b = threading.BoundedSemaphore(2)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    sem.release(0)
except ValueError as e:
    print("ValueError:", e)

# Barrier: the parties arrive in an order a chain of events enforces, so
# wait() returns 0, 1, 2 to them in that order; the action runs once.
parties = 3
actions = []
barrier = threading.Barrier(parties, action=lambda: actions.append("action"))
turns = [threading.Event() for _ in range(parties + 1)]
indices = {}


def party(k):
    turns[k].wait()
    # Each party lets the next one go once it is counted at the barrier.
    waiter = threading.Thread(target=lambda: (barrier_counted(k + 1), turns[k + 1].set()))
    waiter.start()
    indices[k] = barrier.wait()
    waiter.join()


def barrier_counted(n):
    while barrier.n_waiting < n and n < parties:
        pass


threads = [threading.Thread(target=party, args=(k,)) for k in range(parties)]
for t in threads:
    t.start()
turns[0].set()
for t in threads:
    t.join()
print("indices:", [indices[k] for k in range(parties)], "actions:", actions)
print("parties:", barrier.parties, "n_waiting:", barrier.n_waiting, "broken:", barrier.broken)

# A barrier used again: the generation resets; every index is given once.
b2 = threading.Barrier(4)
seen = []
seen_lock = threading.Lock()


def round_trip():
    for r in range(3):
        i = b2.wait()
        with seen_lock:
            seen.append((r, i))


threads = [threading.Thread(target=round_trip) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("rounds:", sorted(seen) == [(r, i) for r in range(3) for i in range(4)])

# A timeout breaks the barrier for everyone.
b3 = threading.Barrier(2)
try:
    b3.wait(timeout=0.01)
except threading.BrokenBarrierError as e:
    print("broken after timeout:", type(e).__name__, isinstance(e, RuntimeError), b3.broken)
try:
    b3.wait()
except threading.BrokenBarrierError:
    print("still broken")
b3.reset()
print("reset:", b3.broken)
b3.abort()
print("aborted:", b3.broken)
