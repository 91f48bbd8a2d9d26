# io: simulated blocking I/O. One unit is a 2 ms wait in time.sleep, which
# releases the GIL for its whole length, as a read from a socket would.

import time

DEFAULT_SIZE = 800


def work(worker, units):
    for u in range(units):
        time.sleep(0.002)
    return units


if __name__ == "__main__":
    print(work(0, 10))
