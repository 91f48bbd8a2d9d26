# Sets: literals, set(), membership, len, add/discard/remove/pop/clear/copy,
# duplicates collapsing, equal numbers collapsing (1, 1.0, True), what can be
# a member, and the KeyError of remove. Results are printed sorted.
s = {3, 1, 2, 3, 1}
print(sorted(s), len(s), 2 in s, 5 in s, 5 not in s)
print(set(), type(set()).__name__, type({}).__name__, len(set()))
print(sorted(set("mississippi")), sorted(set([4, 4, 2])), sorted(set(range(3))))
print(sorted(set({"b": 1, "a": 2})), sorted(set((5, 5, 6))))

# Equal values collapse, the first one inserted is kept.
mixed = {1, 1.0, True}
print(len(mixed), mixed)
print({0, False, 0.0}, len({0, False, 0.0, None}))

# Single-element sets print deterministically.
print({42}, {"only"}, {(1, 2)})

# add and discard never fail; remove raises KeyError for a missing element.
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
    {1, 2}.remove((1, 2))
except KeyError as e:
    print("KeyError:", e)

# pop removes an element; on a one-element set we know which one.
one = {"single"}
print(one.pop(), one, len(one))
try:
    one.pop()
except KeyError as e:
    print("KeyError:", e)
nums = {10, 20, 30}
popped = []
while nums:
    popped.append(nums.pop())
print(sorted(popped), nums)

# copy is shallow and independent; clear empties in place.
a = {1, 2, 3}
b = a.copy()
c = a
b.add(4)
c.add(5)
print(sorted(a), sorted(b), a is c, a is b)
a.clear()
print(a, c, sorted(b))

# Members must be hashable.
for bad in [[1], {"k": 1}, {1}]:
    try:
        {1, bad}
    except TypeError as e:
        print("TypeError:", e)
try:
    set().add([])
except TypeError as e:
    print("TypeError:", e)
try:
    [] in {1}
except TypeError as e:
    print("TypeError:", e)

# Iteration visits each element once; counting distinct words.
words = "the cat and the dog and the bird".split()
seen = set()
dups = []
for w in words:
    if w in seen:
        dups.append(w)
    seen.add(w)
print(len(words), len(seen), sorted(seen), dups)
total = 0
for v in {5, 6, 7}:
    total += v
print(total, sum({1, 2, 2, 3}), max({4, 9, 1}), min({4, 9, 1}), sorted({3, 1, 2}, reverse=True))

# Truthiness and equality ignore insertion order.
print(bool(set()), bool({0}), {1, 2, 3} == {3, 2, 1}, {1} == [1], set() == set())

# Sets of tuples.
moves = {(0, 1), (1, 0), (0, 1)}
print(sorted(moves), (1, 0) in moves)
