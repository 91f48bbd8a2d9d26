# cpu: pure-Python CPU work. One unit is a fixed slice of arithmetic, so the
# total work is the same whatever the number of workers.
#
# Entry point (see the README): work(worker, units) runs `units` units of work
# for worker number `worker` and returns a checksum.

DEFAULT_SIZE = 6000


def unit(seed):
    total = 0
    i = 0
    while i < 10000:
        total += (i * seed) % 7
        i += 1
    return total


def work(worker, units):
    checksum = 0
    for u in range(units):
        checksum += unit(worker + u)
    return checksum


if __name__ == "__main__":
    print(work(0, 10))
