# Counts primes below a limit with a sieve, then shows the gaps between them.
import sys
import time


def sieve(limit):
    is_prime = [True] * limit
    is_prime[0] = is_prime[1] = False
    i = 2
    while i * i < limit:
        if is_prime[i]:
            for j in range(i * i, limit, i):
                is_prime[j] = False
        i += 1
    return [n for n in range(limit) if is_prime[n]]


def gap_histogram(primes):
    gaps = {}
    for a, b in zip(primes, primes[1:]):
        gaps[b - a] = gaps.get(b - a, 0) + 1
    return gaps


limit = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000
start = time.perf_counter()
primes = sieve(limit)
elapsed = time.perf_counter() - start
print(f"{len(primes)} primes below {limit}; the largest is {primes[-1]}")
gaps = gap_histogram(primes)
widest = max(gaps.values())
for gap in sorted(gaps)[:10]:
    bar = "#" * (40 * gaps[gap] // widest)
    print(f"gap {gap:>3}: {gaps[gap]:>7} {bar}")
print(f"sieve took {elapsed:.3f} s")
