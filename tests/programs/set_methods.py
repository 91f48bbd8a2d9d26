# Sets built with set(...) and frozenset(...) (no literals): every method,
# the operator dunders, comparisons, membership, iteration order of small
# ints (CPython's hash order), hashing of frozensets, and the error messages.
s = set([3, 1, 2, 3, 1])
print(s, len(s), 2 in s, 5 in s, 5 not in s)
print(set(), type(set()).__name__, len(set()), frozenset(), frozenset([5]))  # subset-ok
print(set("aaa"), sorted(set("mississippi")), set([4, 4, 2]), set(range(3)))
print(set([9, 17, 1, 8, 33]), set(range(12, 0, -1)), set([-1, -2, -5, 7, 100, 1000]))
print(sorted(set({"b": 1, "a": 2})), set((5, 5, 6)), set(set([8, 9])))

# Equal numbers collapse; the first one inserted is kept.
mixed = set([1, 1.0, True])
print(len(mixed), mixed, set([0, False, 0.0]), len(set([0, False, 0.0, None])))
print(set([1.5, 0.5, 2.0]), set([(1, 2), (1, 2)]), frozenset([frozenset([1])]))

# add, discard, remove, pop, clear, copy.
s = set()
s.add("a")
s.add("b")
s.add("a")
print(sorted(s), len(s))
s.discard("a")
s.discard("zzz")
print(s)
s.remove("b")
print(s, len(s))
try:
    s.remove("b")
except KeyError as e:
    print("KeyError:", e)
try:
    set([1, 2]).remove((1, 2))
except KeyError as e:
    print("KeyError:", e)
one = set(["single"])
print(one.pop(), one, len(one))
try:
    one.pop()
except KeyError as e:
    print("KeyError:", e)
nums = set(range(10))
nums.discard(3)
nums.add(18)
print(nums, nums.pop(), nums.pop(), nums)
a = set([1, 2, 3])
b = a.copy()
c = a
b.add(4)
c.add(5)
print(a, b, a is c, a is b)
a.clear()
print(a, c, b)

# Members must be hashable.
for bad in [[1], {"k": 1}, set([1])]:
    try:
        set([1, bad])
    except TypeError as e:
        print("TypeError:", e)
try:
    set().add([])
except TypeError as e:
    print("TypeError:", e)
try:
    [] in set([1])
except TypeError as e:
    print("TypeError:", e)
try:
    hash(set())
except TypeError as e:
    print("TypeError:", e)

# Iteration, unpacking and the built-ins that iterate.
total = 0
for v in set([5, 6, 7]):
    total += v
x, y = set([7, 3])
print(total, x, y, sum(set([1, 2, 2, 3])), max(set([4, 9, 1])), min(set([4, 9, 1])), list(set([5, 1])))
print(sorted(set([3, 1, 2]), reverse=True), tuple(frozenset([2, 1])), [v * 2 for v in set([3, 2])])
s = set([1, 2])
it = iter(s)  # subset-ok
print(next(it), type(it).__name__)  # subset-ok
s.add(5)
try:
    next(it)  # subset-ok
except RuntimeError as e:  # subset-ok
    print("RuntimeError:", e)
print(bool(set()), bool(set([0])), isinstance(set(), set), isinstance(frozenset(), set))

# Algebra as methods: any iterables, several arguments.
a = set([1, 2, 3, 4])
b = set([3, 4, 5])
print(a.union(b), a.union([9], (8,), ""), a.union(), a.union() is a)
print(a.intersection(b), a.intersection(range(3), [2, 1]), a.intersection())
print(a.difference(b), b.difference(a), a.difference(b, [1]), a.difference())
print(a.symmetric_difference(b), a.symmetric_difference([1, 9]))
print(a, b, "<- unchanged")
try:
    a.union(5)
except TypeError as e:
    print("TypeError:", e)
try:
    a.symmetric_difference([1], [2])
except TypeError as e:
    print("TypeError:", e)

# The update methods mutate and return None.
t = set([1, 2, 3])
print(t.update([4], set([5])), t)
print(t.intersection_update(set([1, 2, 3, 4, 9]), range(10)), t)
print(t.difference_update([1], (2,)), t)
print(t.symmetric_difference_update(set([4, 10])), t)
t.update("ab")
print(sorted(t, key=str))

# Subsets, supersets, disjointness and comparisons.
small = set([1, 2])
big = set([1, 2, 3])
print(small <= big, small < big, big <= big, big < big, big >= small, big > small)
print(small.issubset(big), small.issubset([1, 2]), big.issuperset(small), big.issuperset(range(3)))
print(small == set([2, 1]), small != big, set() <= small, set() < set())
print(set([1, 5]) <= big, set([1, 5]) >= big, set([1, 5]) < big, set([1, 5]) > big)
print(small.isdisjoint(set([3, 4])), small.isdisjoint([2]), set().isdisjoint(set()))
print(set([1]) == frozenset([1]), set([1]) == [1], set([1]) != (1,))
try:
    set([1]) < [1, 2]
except TypeError as e:
    print("TypeError:", e)

# The operator dunders: NotImplemented for a non-set.
print(a.__or__(b), a.__and__(b), a.__sub__(b), a.__xor__(b), a.__or__([1]), a.__rsub__(b))  # subset-ok

# frozenset: immutable and hashable.
fs = frozenset([3, 1, 2, 1])
print(fs, len(fs), 2 in fs, type(fs).__name__, repr(frozenset(["x"])))  # subset-ok
print(frozenset() == set(), frozenset("ab") == set(["a", "b"]))
print(type(fs.union([7])).__name__, fs.union([7]), fs.intersection("abc"), fs.difference([1]))  # subset-ok
print(type(set([1]).union(fs)).__name__, type(fs.symmetric_difference(set([9]))).__name__)  # subset-ok
print(fs.issubset(range(5)), fs.issuperset([1]), fs.isdisjoint(set([8])))
f1 = frozenset([1, 2])
print(frozenset(f1) is f1, f1.copy() is f1, set(f1) == f1)
groups = {}
for pair in [("a", "b"), ("b", "a"), ("c", "a"), ("a", "c"), ("b", "a")]:
    key = frozenset(pair)
    groups[key] = groups.get(key, 0) + 1
print(len(groups), [(sorted(k), v) for k, v in groups.items()], groups[frozenset("ab")])
print(hash(frozenset()), hash(frozenset([1, 2])), hash(frozenset(range(50))))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), hash(-1), hash(2.0), hash(1.5), hash(True))
family = set([frozenset([1, 2]), frozenset([3])])
print(set([1, 2]) in family, set([4]) in family)
family.discard(set([3]))
print(family)
try:
    family.add(set([5]))
except TypeError as e:
    print("TypeError:", e)
try:
    frozenset([1]).add(2)
except AttributeError as e:
    print("AttributeError:", e)
try:
    frozenset([1], [2])
except TypeError as e:
    print("TypeError:", e)
try:
    set(x=1)
except TypeError as e:
    print("TypeError:", e)
