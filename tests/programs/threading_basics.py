# Threads: start/join, arguments, names, is_alive, current_thread, active_count.
import threading
import sys

results = {}


def worker(name, count, scale=1):
    total = 0
    for i in range(count):
        total += i * scale
    results[name] = total


t1 = threading.Thread(target=worker, args=("a", 1000))
t2 = threading.Thread(target=worker, args=("b", 2000), kwargs={"scale": 3}, name="second")
print(t2.name, t1.is_alive())
t1.start()
t2.start()
t1.join()
t2.join(timeout=30)
print(sorted(results.items()))
print(t1.is_alive(), t2.is_alive())
print(threading.current_thread().name, threading.main_thread().name)
print(threading.active_count())


def report():
    print("inside:", threading.current_thread().name)


t3 = threading.Thread(target=report, name="reporter")
t3.start()
t3.join()

try:
    t3.start()
except RuntimeError as e:
    print("RuntimeError:", e)

try:
    threading.Thread(target=report).join()
except RuntimeError as e:
    print("RuntimeError:", e)

sys.setswitchinterval(0.001)
print(sys.getswitchinterval())

# Many short threads, each appending under a lock.
lock = threading.Lock()
seen = []


def append(k):
    with lock:
        seen.append(k)


threads = [threading.Thread(target=append, args=(k,)) for k in range(20)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(seen) == list(range(20)), len(seen))
