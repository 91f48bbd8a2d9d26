# Set algebra: union/intersection/difference/symmetric_difference as methods
# (any iterables, several arguments) and as operators (sets only), their
# in-place forms, comparisons as subset tests, isdisjoint, and update variants.
a = {1, 2, 3, 4}
b = {3, 4, 5}

print("union       ", sorted(a | b), sorted(a.union(b)), sorted(a.union([9], (8,), "")))
print("intersection", sorted(a & b), sorted(a.intersection(b)), sorted(a.intersection(range(3), [2, 1])))
print("difference  ", sorted(a - b), sorted(b - a), sorted(a.difference(b, [1])))
print("symmetric   ", sorted(a ^ b), sorted(a.symmetric_difference(b)), sorted(a.symmetric_difference([1, 9])))
print("no args     ", sorted(a.union()), sorted(a.intersection()), a.union() is a)
print(sorted(a), sorted(b), "<- unchanged")

# Operators need sets on both sides; methods take any iterable.
try:
    a | [5]
except TypeError as e:
    print("TypeError:", e)
try:
    a - "ab"
except TypeError as e:
    print("TypeError:", e)
try:
    a.union(5)
except TypeError as e:
    print("TypeError:", e)

# In-place operators mutate the set; the name still refers to the same object.
s = {1, 2}
alias = s
s |= {3}
s &= {1, 3, 5}
s -= {1}
s ^= {7, 3}
print(sorted(s), s is alias)

# update variants mutate and return None.
t = {1, 2, 3}
print(t.update([4], {5}), sorted(t))
print(t.intersection_update({1, 2, 3, 4, 9}, range(10)), sorted(t))
print(t.difference_update([1], (2,)), sorted(t))
print(t.symmetric_difference_update({4, 10}), sorted(t))
t.update("ab")
print(sorted(t, key=str))

# Subset and superset.
small = {1, 2}
big = {1, 2, 3}
print(small <= big, small < big, big <= big, big < big, big >= small, big > small)
print(small.issubset(big), small.issubset([1, 2]), big.issuperset(small), big.issuperset(range(3)))
print(small == {2, 1}, small != big, set() <= small, set() < set())
print({1, 5} <= big, {1, 5} >= big, {1, 5} < big, {1, 5} > big)

# isdisjoint.
print(small.isdisjoint({3, 4}), small.isdisjoint([2]), set().isdisjoint(set()))

# Comparing with other types.
print({1} == frozenset({1}), {1} == [1], {1} != (1,))
try:
    {1} < [1, 2]
except TypeError as e:
    print("TypeError:", e)

# Precedence: & binds tighter than ^, which binds tighter than |.
x, y, z = {1, 2}, {2, 3}, {3, 4}
print(sorted(x | y & z), sorted((x | y) & z), sorted(x ^ y | z), sorted(x - y - z))

# A worked example: students in courses.
math = {"ann", "bob", "cid", "dee"}
art = {"bob", "eve", "dee"}
music = {"eve", "fay"}
print("both      ", sorted(math & art))
print("any       ", sorted(math | art | music))
print("only math ", sorted(math - art - music))
print("one of two", sorted(math ^ art))
print("disjoint  ", math.isdisjoint(music), art.isdisjoint(music))
