# Lock, RLock, Event and Condition.
import threading
import time

lock = threading.Lock()
print(lock.acquire(), lock.locked())
print(lock.acquire(blocking=False))
print(lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)

rlock = threading.RLock()
with rlock:
    with rlock:
        print("reentered")
try:
    rlock.release()
except RuntimeError as e:
    print("RuntimeError:", e)

# A counter that many threads increment under a lock never loses an update.
counter = 0
counter_lock = threading.Lock()


def add(n):
    global counter
    for i in range(n):
        with counter_lock:
            counter += 1


threads = [threading.Thread(target=add, args=(5000,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter", counter)

# Event: a waiter blocks until set; wait with a timeout returns False.
ready = threading.Event()
print(ready.is_set(), ready.wait(0.01))
log = []


def waiter():
    ready.wait()
    log.append("woke")


w = threading.Thread(target=waiter)
w.start()
time.sleep(0.01)
log.append("setting")
ready.set()
w.join()
print(log, ready.is_set())
ready.clear()
print(ready.is_set())

# Condition: a bounded producer/consumer queue.
cond = threading.Condition()
queue = []
consumed = []
DONE = -1


def producer():
    for i in range(50):
        with cond:
            while len(queue) >= 5:
                cond.wait()
            queue.append(i)
            cond.notify_all()
    with cond:
        queue.append(DONE)
        cond.notify_all()


def consumer():
    while True:
        with cond:
            while not queue:
                cond.wait()
            item = queue.pop(0)
            cond.notify_all()
        if item == DONE:
            break
        consumed.append(item)


p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
c.start()
p.start()
p.join()
c.join()
print(consumed == list(range(50)), len(consumed))

with cond:
    print(cond.wait(0.01))
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
