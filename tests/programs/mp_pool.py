# multiprocessing.Pool: map, starmap and apply, results in order, an
# exception coming back from a worker, and a pool used after close().
import multiprocessing


def square(x):
    return x * x


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def check_positive(x):
    if x < 0:
        raise ValueError("negative input: " + str(x))
    return x


def describe(name, count):
    return name * count


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    with multiprocessing.Pool(2) as pool:
        print(pool.map(square, range(12)))
        print(pool.map(collatz_steps, range(1, 30), chunksize=4))
        print(pool.map(square, []))
        print(pool.starmap(describe, [("ab", 2), ("c", 3)]))
        print(pool.apply(describe, ("xy", 3)))
        print(pool.map(abs, [-3, 4, -5]))
        try:
            pool.map(check_positive, [1, 2, -3, 4])
        except ValueError as e:
            print("ValueError:", e)
        print("still usable:", pool.map(square, [7]))
    pool = multiprocessing.Pool(processes=3)
    print(sum(pool.map(collatz_steps, range(1, 2000))))
    pool.close()
    try:
        pool.map(square, [1])
    except ValueError as e:
        print("ValueError:", e)
    pool.join()
    try:
        multiprocessing.Pool(0)
    except ValueError as e:
        print("ValueError:", e)
