# Regressions found in review: frames growing under a native call, a failed
# str +=, joining the main thread, huge timeouts, huge list repeats.
import threading
def f(n):
    return 0 if n == 0 else f(n - 1)
def key(x):
    return f(100)
print(sorted([3, 1, 2], key=key))
try:
    1 // 0
except ZeroDivisionError:
    print("caught")
s = "a" * 3
try:
    s += 1
except TypeError as e:
    print("TypeError", e)
print(s)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Lock().acquire(timeout=1e10)
except OverflowError as e:
    print("OverflowError:", e)
try:
    x = [0] * 2**40
except MemoryError:
    print("MemoryError")
