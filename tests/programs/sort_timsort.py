# list.sort and sorted() make CPython's timsort comparisons: the same __lt__
# calls in the same order, stability, key= once per item, reverse=.

calls = []

class K:
    def __init__(self, v, tag=""):
        self.v = v
        self.tag = tag
    def __lt__(self, other):
        calls.append((self.v, other.v))
        return self.v < other.v
    def __repr__(self):
        return "K(" + repr(self.v) + self.tag + ")"

def run(values, **kw):
    calls.clear()
    items = [K(v) for v in values]
    items.sort(**kw)
    print([k.v for k in items], len(calls))
    print(calls)

run([3, 1, 2])
run([5, 4, 3, 2, 1])
run([1, 2, 3, 4, 5])
run([2, 2, 1, 1, 3, 3])
run([9, 1, 8, 2, 7, 3, 6, 4, 5, 0])

# Enough items for several runs, merges and galloping.
x = 12345
vals = []
for i in range(300):
    x = (x * 1103515245 + 12345) % 2147483648
    vals.append(x % 1000)
calls.clear()
items = [K(v) for v in vals]
items.sort()
print(len(calls), [k.v for k in items] == sorted(vals))
print(calls[:20], calls[-20:])
h = 0
for a, b in calls:
    h = (h * 31 + a * 1000 + b) % 1000000007
print(h)

# Partly ordered data: long runs that gallop.
vals = list(range(0, 200, 2)) + list(range(1, 200, 2)) + list(range(150, 50, -1))
calls.clear()
items = [K(v) for v in vals]
items.sort()
print(len(calls), [k.v for k in items] == sorted(vals))
h = 0
for a, b in calls:
    h = (h * 31 + a * 1000 + b) % 1000000007
print(h)

calls.clear()
items = [K(v) for v in vals]
items.sort(reverse=True)
print(len(calls), [k.v for k in items] == sorted(vals, reverse=True))

# Stability, also reversed.
pairs = [(3, "a"), (1, "b"), (3, "c"), (2, "d"), (1, "e"), (3, "f")]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
items = [K(p[0], p[1]) for p in pairs]
print(sorted(items))
print(sorted(items, reverse=True))

# key= is called once per item, in order, before any comparison.
seen = []
def key(v):
    seen.append(v)
    return -v
print(sorted([4, 1, 3, 2], key=key), seen)

# A key function sees an empty list while it sorts.
lst = [3, 1, 2]
def peek(v):
    print("during sort:", lst, len(lst))
    return v
lst.sort(key=peek)
print(lst)

# Modifying the list while it sorts.
lst = [3, 1, 2]
def grow(v):
    lst.append(v)
    return v
try:
    lst.sort(key=grow)
except ValueError as e:
    print("ValueError:", e)
print(lst)

class Grow:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        target.append(0)
        return self.v < other.v
target = [Grow(2), Grow(1)]
try:
    target.sort()
except ValueError as e:
    print("ValueError:", e)
print([g.v for g in target])

# An exception in __lt__ leaves the list a permutation of what it was.
class Bad:
    n = 0
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        Bad.n += 1
        if Bad.n == 40:
            raise RuntimeError("boom")
        return self.v < other.v
vals = [(i * 37) % 101 for i in range(100)]
lst = [Bad(v) for v in vals]
try:
    lst.sort()
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(lst), sorted([b.v for b in lst]) == sorted(vals))
print([b.v for b in lst][:30])

# A key that raises leaves the list as it was.
lst = [3, 1, 2]
def badkey(v):
    if v == 2:
        raise KeyError(v)
    return v
try:
    lst.sort(key=badkey)
except KeyError as e:
    print("KeyError:", e)
print(lst)

# Mixed types fail as CPython's do.
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)

print(sorted("timsort"), sorted([]), sorted([1]), sorted((2, 1), reverse=True))
print(sorted([1.5, 1, True, 0.5, -2]))
