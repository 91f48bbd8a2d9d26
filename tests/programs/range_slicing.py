# Slicing and indexing range objects: slices give new ranges (not lists),
# negative steps, empty results, equality by contents, index/count/in, and
# the repr of ranges.
r = range(10)
print(r[2:5], r[::2], r[::-1], r[-3:], r[:-7], r[5:2], r[1:9:3])
print(list(r[2:5]), list(r[::-1]), type(r[1:3]).__name__)

s = range(0, 20, 3)
print(s, list(s), len(s))
print(s[::2], list(s[::2]), s[1::2], list(s[1::2]))
print(s[::-1], list(s[::-1]), s[-2::-2], list(s[-2::-2]))
print(s[2], s[-1], s[-len(s)], s[1:-1], s[100:], s[:100])

down = range(10, 0, -2)
print(down, list(down), down[1:], down[::-1], list(down[::-1]), down[-1])
print(range(5, -5, -3)[1:], list(range(5, -5, -3)[::2]))

# Slices of slices.
big = range(100)
print(big[10:90][5:20][::5], list(big[10:90][5:20][::5]))

# Equality compares the sequence of values, not the arguments.
print(range(0) == range(5, 2), range(0, 3) == range(3), range(0, 10, 3) == range(0, 11, 3))
print(range(1, 2, 5) == range(1, 3, 7), r[::2] == range(0, 10, 2), range(3) == [0, 1, 2])
print(r[5:2] == range(0), list(r[5:2]), bool(r[5:2]), bool(r[5:6]))

# Membership, index and count.
print(9 in s, 10 in s, -3 in down, 4 in down, 3.0 in range(5), "3" in range(5))
print(s.index(9), down.index(4), s.count(9), s.count(10), r.count(True))
try:
    s.index(10)
except ValueError as e:
    print("ValueError:", e)

# Index errors and bad slices.
try:
    r[10]
except IndexError as e:
    print("IndexError:", e)
try:
    r[-11]
except IndexError as e:
    print("IndexError:", e)
try:
    r[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    r["1"]
except TypeError as e:
    print("TypeError:", e)

# start/stop/step attributes of a sliced range.
part = range(3, 30, 4)[2:-1]
print(part, part.start, part.stop, part.step, list(part))
neg = range(-1, -20, -5)
print(neg, list(neg), neg[::-1], list(neg[::-1]), neg[1:2], len(neg))

# Iterating a reversed slice.
total = 0
for v in range(1, 11)[::-3]:
    total = total * 100 + v
print(total)

# Large ranges are never materialized.
huge = range(0, 10 ** 15, 7)
print(len(huge), huge[-1], huge[10 ** 12], huge[::10 ** 14], 10 ** 14 in huge, 7 * 10 ** 13 in huge)
