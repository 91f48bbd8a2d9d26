# mixed: worker 0 answers requests (a 1 ms blocking wait each), the other
# workers burn CPU. The runner measures how long worker 0 waits for the GIL
# after each wait ends: the convoy effect (bpo-7946). Worker 0 serves one
# request per 20 units, so that under a CPU-bound GIL holder (about 6 ms a
# request at the default switch interval) its requests span the CPU work.

import time

DEFAULT_SIZE = 4000


def cpu_unit(seed):
    total = 0
    i = 0
    while i < 10000:
        total += (i * seed) % 7
        i += 1
    return total


def serve(requests):
    answered = 0
    for r in range(requests):
        time.sleep(0.001)
        answered += 1
    return answered


def work(worker, units):
    if worker == 0:
        return serve(max(1, units // 20))
    checksum = 0
    for u in range(units):
        checksum += cpu_unit(worker + u)
    return checksum


if __name__ == "__main__":
    print(work(0, 5), work(1, 5))
