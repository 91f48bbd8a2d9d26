# time: sleep, perf_counter, monotonic. Only relationships are printed, never the values.
import time
start = time.perf_counter()
mono_start = time.monotonic()
time.sleep(0.01)
time.sleep(0)
elapsed = time.perf_counter() - start
mono_elapsed = time.monotonic() - mono_start
print("elapsed >= 0:", elapsed >= 0)
print("slept at least 5ms:", elapsed >= 0.005)
print("monotonic elapsed >= 0:", mono_elapsed >= 0)
print("perf_counter is float:", isinstance(start, float))
print("monotonic is float:", isinstance(mono_start, float))
print("sleep returns None:", time.sleep(0) is None)
readings = []
for i in range(5):
    readings.append(time.monotonic())
ordered = True
for i in range(1, len(readings)):
    if readings[i] < readings[i - 1]:
        ordered = False
print("monotonic never goes back:", ordered)
t0 = time.perf_counter()
total = 0
for i in range(10000):
    total += i
t1 = time.perf_counter()
print("loop total", total, "timed:", t1 >= t0)
time.sleep(0.001)
print("done")
