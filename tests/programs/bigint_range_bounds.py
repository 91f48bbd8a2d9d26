# Counts and bounds past int64: ranges whose start, stop, step, length or
# slices leave int64, and enumerate's count past the largest int64.
M = 9223372036854775807
for i in range(-M - 1, M):
    print("first of a range longer than int64:", i)
    break
try:
    print(len(range(-M - 1, M)))
except OverflowError as e:
    print("len:", e)
print(range(M - 9, M, 5)[:], range(M - 10, M, 5)[:], range(-M - 1, M)[::2**62])
e = enumerate('abc', M)
print(next(e), next(e), next(e))
print(list(enumerate("ab", 2**63)), list(enumerate("abc", -2**63 - 1)), list(enumerate("ab", start=-2**64)))
print(list(range(2**64, 2**64 + 3)), list(range(2**53 - 1, 2**53 + 2)))
print(range(0, 2**70, 2**68), list(range(0, 2**70, 2**68)))
print(list(range(2**64, 2**63, -2**61)), list(range(-2**64, -2**64 - 3, -1)))
r = range(0, 2**70, 3)
try:
    print(len(r))
except OverflowError as e:
    print("len:", e)
print(len(range(2**64, 2**64 + 5)), bool(r), bool(range(2**70, 0)))
print(r[5], r[-1], r[2**60], r[10:20], r[::-1], r[-5:], r[2**69:2**69 + 10:3])
print(r.start, r.stop, r.step, range(2**64).stop, repr(range(2**64, 1, -1)))
print(2**69 in r, 2**69 + 1 in r, 3 * 2**60 in r, -3 in r, 2**70 in r, 1.5 in range(3))
print(r.index(3 * 2**60), r.count(2**69 + 1), r.count(3 * 2**60), range(10).index(True))
try:
    r.index(2**70)
except ValueError as e:
    print("index:", e)
print(2**64 in range(10), -2**64 in range(0, -10, -1), 2**63 - 1 in range(M - 1, M))
print(list(reversed(range(2**64, 2**64 + 3))), list(reversed(range(0, 2**64 + 3, 2**63))))
print(range(2**70, 0) == range(0), range(2**64, 2**64 + 1) == range(2**64, 2**64 + 1, 7))
print(range(0, 2**64, 2**63) == range(0, 2**64 - 1, 2**63), range(3) == range(0, 3, 2**70))
print(range(-M - 1, M)[2**63], range(5)[2**70:], range(10)[-2**70:2**70:2], range(10)[::2**64])
for bad in (2**70, -2**70):
    try:
        range(3)[bad]
    except IndexError as e:
        print("IndexError:", e)
try:
    range(2**64)[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    range(0, 2**64, 0)
except ValueError as e:
    print("ValueError:", e)
for i in range(2**64 - 2, 2**64 + 1):
    print(i, i - 2**64, i >> 1, -i // 3, -i % 7)
it = iter(range(2**65))
print(next(it), next(it))
for i, x in zip(range(3), range(2**63 - 1, 2**63 + 5)):
    print(i, x)
