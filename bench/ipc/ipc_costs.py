# The costs of multiprocessing, measured the same way under CPython and under
# gil-demo (bench/ipc_benchmark runs this file with both and compares):
#
#   start_ms      Process.start() until the child's first message arrives
#                 (median of START_RUNS children)
#   pipe_rtt_us   one Pipe round trip (send, the child echoes, recv), median
#   queue_*       a child puts COUNT messages of SIZE bytes into a Queue and
#                 the parent gets them: messages/s and MB/s
#
# Prints one JSON object. Usage: ipc_costs.py [scale], where scale (default
# 1.0) multiplies the repetition counts.
import multiprocessing
import sys
import time

START_RUNS = 5
ROUND_TRIPS = 2000
SMALL = 64
SMALL_COUNT = 20000
LARGE = 1024 * 1024
LARGE_COUNT = 40


def hello(conn):
    conn.send("up")


def echo(conn):
    while True:
        message = conn.recv()
        if message is None:
            break
        conn.send(message)


def produce(q, size, count):
    payload = b"x" * size
    for i in range(count):
        q.put(payload)
    q.put(None)


def median(values):
    values = sorted(values)
    n = len(values)
    if n % 2 == 1:
        return values[n // 2]
    return (values[n // 2 - 1] + values[n // 2]) / 2


def start_latency():
    samples = []
    for _ in range(START_RUNS):
        here, there = multiprocessing.Pipe()
        start = time.perf_counter()
        child = multiprocessing.Process(target=hello, args=(there,))
        child.start()
        here.recv()
        samples.append(time.perf_counter() - start)
        child.join()
    return median(samples) * 1000


def pipe_round_trip(trips):
    here, there = multiprocessing.Pipe()
    child = multiprocessing.Process(target=echo, args=(there,))
    child.start()
    message = b"x" * SMALL
    for _ in range(100):
        here.send(message)
        here.recv()
    samples = []
    for _ in range(trips):
        start = time.perf_counter()
        here.send(message)
        here.recv()
        samples.append(time.perf_counter() - start)
    here.send(None)
    child.join()
    return median(samples) * 1e6


def queue_throughput(size, count):
    q = multiprocessing.Queue()
    child = multiprocessing.Process(target=produce, args=(q, size, count))
    child.start()
    first = q.get()
    start = time.perf_counter()
    received = 1
    while q.get() is not None:
        received += 1
    elapsed = time.perf_counter() - start
    child.join()
    # The clock starts at the first message, so start-up is not counted.
    rate = (received - 1) / elapsed
    return rate, rate * size / 1e6


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    trips = max(10, int(ROUND_TRIPS * scale))
    small_count = max(10, int(SMALL_COUNT * scale))
    large_count = max(3, int(LARGE_COUNT * scale))
    start_ms = start_latency()
    rtt = pipe_round_trip(trips)
    small_rate, small_mb = queue_throughput(SMALL, small_count)
    large_rate, large_mb = queue_throughput(LARGE, large_count)
    print('{"start_ms": ' + str(round(start_ms, 3)) + ', "pipe_rtt_us": ' + str(round(rtt, 2)) +
          ', "queue_64_msgs_per_s": ' + str(round(small_rate, 1)) + ', "queue_64_mb_per_s": ' + str(round(small_mb, 3)) +
          ', "queue_1m_msgs_per_s": ' + str(round(large_rate, 2)) + ', "queue_1m_mb_per_s": ' + str(round(large_mb, 2)) + '}')
