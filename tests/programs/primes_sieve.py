# Sieve of Eratosthenes, trial division, prime factorisation and twin primes.
def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = False
    is_prime[1] = False
    p = 2
    while p * p <= limit:
        if is_prime[p]:
            for m in range(p * p, limit + 1, p):
                is_prime[m] = False
        p += 1
    return [i for i in range(limit + 1) if is_prime[i]]
primes = sieve(100)
print(primes)
print(len(sieve(10000)), sieve(10000)[-1])
def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True
print([n for n in range(80, 120) if is_prime(n)])
print(is_prime(1000003), is_prime(1000001), is_prime(2147483647))
def factorize(n):
    factors = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1
    if n > 1:
        factors.append(n)
    return factors
for n in [12, 97, 360, 1001, 65536, 999999, 600851475143]:
    print(n, factorize(n))
twins = []
for i in range(len(primes) - 1):
    if primes[i + 1] - primes[i] == 2:
        twins.append((primes[i], primes[i + 1]))
print(twins)
gaps = {}
big = sieve(2000)
for i in range(len(big) - 1):
    g = big[i + 1] - big[i]
    gaps[g] = gaps.get(g, 0) + 1
print(sorted(gaps.items()))
print(sum(sieve(1000)))
