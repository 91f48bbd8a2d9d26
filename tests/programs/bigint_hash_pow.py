# hash() of big ints (CPython's modular hash) and pow() with a modulus.
for n in [2**61 - 2, 2**61 - 1, 2**61, 2**63, 2**64, -(2**64), 2**100, -(2**100) - 1, 10**50, -1, -2]:
    print(n, hash(n), hash(n) == hash(float(n)) if n < 2**1000 else None)
print(hash(2.0**64) == hash(2**64), hash(2**64) == hash(2**64 + 0))
d = {2**64: "a", 2**65: "b", 1: "c"}
print(d[2**64], d[2**65], d[1], 2**64 in d, 2**66 in d, {2**64, 2**64, 2.0**64})
print(pow(2, 100, 10**9 + 7), pow(3, 2**70, 1000), pow(2**100, 2**100, 2**61 - 1), pow(-7, 3, 10), pow(7, 3, -10))
print(pow(3, -1, 7), pow(2**64 + 1, -1, 10**9 + 7), pow(10, -2, 13), pow(5, 0, 1), pow(-5, -3, 11))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError:", e)
print(pow(2, 200), pow(2**64, 2), pow(-3, 3), pow(2, -3))
