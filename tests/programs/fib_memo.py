# fibonacci with a dict memo (global), iterative version and checks up to fib(90).
memo = {0: 0, 1: 1}
def fib(n):
    if n in memo:
        return memo[n]
    result = fib(n - 1) + fib(n - 2)
    memo[n] = result
    return result
print([fib(i) for i in range(20)])
print(fib(50), fib(90))
print(len(memo))
def fib_iter(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a
print(fib_iter(90) == fib(90), fib_iter(0), fib_iter(1))
calls = {"count": 0}
def fib_memo_param(n, cache):
    calls["count"] += 1
    if n < 2:
        return n
    if n not in cache:
        cache[n] = fib_memo_param(n - 1, cache) + fib_memo_param(n - 2, cache)
    return cache[n]
print(fib_memo_param(60, {}), calls["count"])
calls["count"] = 0
def fib_slow(n):
    calls["count"] += 1
    if n < 2:
        return n
    return fib_slow(n - 1) + fib_slow(n - 2)
print(fib_slow(18), calls["count"])
evens = [fib(i) for i in range(60) if fib(i) % 2 == 0]
print(len(evens), evens[:8])
total = 0
i = 0
while fib(i) < 4000000:
    if fib(i) % 2 == 0:
        total += fib(i)
    i += 1
print("sum of even fibs below 4 million:", total)
ratio = fib(40) / fib(39)
print(round(ratio, 10))
def fib_digits(d):
    n = 1
    while len(str(fib(n))) < d:
        n += 1
    return n
print([fib_digits(d) for d in range(1, 16)])
