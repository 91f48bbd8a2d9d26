# frozenset: the immutable, hashable set. Construction, operations returning
# the type of the left operand, use as dict keys and set members, the missing
# mutators, and equality with set.
fs = frozenset([3, 1, 2, 1])
print(sorted(fs), len(fs), 2 in fs, type(fs).__name__)
print(frozenset(), frozenset("a"), frozenset([5]), repr(frozenset({"x"})))
print(frozenset() == set(), frozenset("ab") == {"a", "b"}, frozenset({1}) == {1})

# Operations: the result takes the type of the left operand.
s = {1, 2, 3}
print(type(fs | s).__name__, type(s | fs).__name__, type(fs & s).__name__, type(s - fs).__name__)
print(sorted(fs | {9}), sorted(fs & {1, 9}), sorted(fs - {1}), sorted(fs ^ {1, 9}))
print(type(fs.union([7])).__name__, sorted(fs.union([7])), sorted(fs.intersection("abc")))
print(fs.issubset(range(5)), fs.issuperset([1]), fs.isdisjoint({8}), fs <= s, fs < s)

# In-place operators on a frozenset rebind the name to a new frozenset.
before = fs
fs |= {4}
print(sorted(fs), sorted(before), fs is before, type(fs).__name__)

# No mutating methods.
for name in ["add", "remove", "discard", "pop", "clear", "update"]:
    print(name, hasattr(frozenset(), name), hasattr(set(), name))
try:
    frozenset([1]).add(2)
except AttributeError as e:
    print("AttributeError:", e)

# Hashable: usable as dict keys and set members; equal frozensets hash alike.
groups = {}
for pair in [("a", "b"), ("b", "a"), ("c", "a"), ("a", "c"), ("b", "a")]:
    key = frozenset(pair)
    groups[key] = groups.get(key, 0) + 1
print(len(groups), [(sorted(k), v) for k, v in groups.items()])
print(groups[frozenset("ab")], frozenset("ca") in groups)
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
sets_of_sets = {frozenset([1]), frozenset([1]), frozenset()}
print(len(sets_of_sets), sorted([sorted(x) for x in sets_of_sets]))

# A set can be looked up in a set of frozensets, but cannot be a member itself.
family = {frozenset({1, 2}), frozenset({3})}
print({1, 2} in family, {3} in family, {4} in family)
try:
    family.add({5})
except TypeError as e:
    print("TypeError:", e)
try:
    {{1}: "x"}
except TypeError as e:
    print("TypeError:", e)

# frozenset of a frozenset copies nothing: it may return the same object.
f1 = frozenset([1, 2])
f2 = frozenset(f1)
print(f2 == f1, f1.copy() == f1, type(f1.copy()).__name__)

# Nested frozensets and frozensets of tuples.
edges = frozenset([(1, 2), (2, 3)])
nested = frozenset([frozenset([1]), frozenset([2, 3])])
print(sorted(edges), (2, 3) in edges, len(nested), frozenset([3, 2]) in nested)

# Mixed comparisons and conversion back and forth.
print(set(frozenset([1, 2])) == {1, 2}, sorted(frozenset({"b", "a"})), list(frozenset([7])))
print(frozenset([1, 2]) | frozenset([2, 3]) == frozenset([1, 2, 3]))
