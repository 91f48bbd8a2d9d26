# multiprocessing.Queue with several producers and consumers: nothing lost,
# nothing duplicated, and each producer's items arrive in the order it put
# them.
import multiprocessing
import queue

PRODUCERS = 3
CONSUMERS = 2
ITEMS = 300


def produce(q, producer):
    for i in range(ITEMS):
        q.put((producer, i, "x" * (i % 50)))


def consume(q, results, consumer):
    got = []
    while True:
        item = q.get(timeout=30)
        if item is None:
            break
        got.append(item[:2])
    results.put((consumer, got))


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    work = multiprocessing.Queue()
    results = multiprocessing.Queue()
    consumers = [multiprocessing.Process(target=consume, args=(work, results, c)) for c in range(CONSUMERS)]
    producers = [multiprocessing.Process(target=produce, args=(work, p)) for p in range(PRODUCERS)]
    for proc in consumers + producers:
        proc.start()
    for proc in producers:
        proc.join()
    for _ in consumers:
        work.put(None)
    everything = []
    in_order = True
    for _ in consumers:
        consumer, got = results.get(timeout=30)
        last = {}
        for producer, i in got:
            if last.get(producer, -1) >= i:
                in_order = False
            last[producer] = i
        everything.extend(got)
    for proc in consumers:
        proc.join()
    print("received", len(everything), "of", PRODUCERS * ITEMS)
    distinct = {}
    for item in everything:
        distinct[item] = True
    print("duplicates", len(everything) - len(distinct))
    print("each producer's order kept:", in_order)
    print("exit codes:", [p.exitcode for p in consumers + producers])

    q = multiprocessing.Queue()
    print(q.empty(), q.qsize())
    for i in range(5):
        q.put(i)
    print(q.qsize(), [q.get() for _ in range(5)], q.empty(), q.qsize())
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print("queue.Empty after a timeout")
    try:
        q.get_nowait()
    except queue.Empty:
        print("queue.Empty from get_nowait")
    try:
        q.get(False)
    except queue.Empty as e:
        print("Empty is an Exception:", isinstance(e, Exception))
    q.put({"nested": [1, 2.5, (True, None)], "text": "héllo"})
    print(q.get())
