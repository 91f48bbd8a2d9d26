# Reliability with deep and self-containing structures: chains of a million
# instances (plain and of classes deriving from built-ins) free without
# overflowing the C++ stack; ==, <, hash, repr and copying of deeply nested
# structures raise RecursionError with CPython's message; self-containing
# ones print [...] and {...}.


class Node:
    def __init__(self, nxt):
        self.next = nxt


n = None
for i in range(1000000):
    n = Node(n)
print("instance chain built")
n = None
print("instance chain freed")


class Link(list):
    pass


c = None
for i in range(300000):
    c = Link([c])
    c.depth = i
print("list-subclass chain", c.depth)
c = None
print("list-subclass chain freed")


class Box(dict):
    pass


b = None
for i in range(300000):
    b = Box(inner=b)
    b.i = i
print("dict-subclass chain", b.i)
b = None
print("dict-subclass chain freed")

s = frozenset()
for i in range(300000):
    s = frozenset([s])
print("frozenset chain built")
s = None
print("frozenset chain freed")


def nest(depth, make):
    v = make(None)
    for i in range(depth):
        v = make(v)
    return v


deep_a = nest(100000, lambda v: [v])
deep_b = nest(100000, lambda v: [v])
deep_t = nest(100000, lambda v: (v,))
deep_d = nest(100000, lambda v: {"k": v})
for label, f in [
    ("list ==", lambda: deep_a == deep_b),
    ("list <", lambda: deep_a < deep_b),
    ("list repr", lambda: repr(deep_a)),
    ("tuple repr", lambda: str(deep_t)),
    ("dict ==", lambda: deep_d == nest(100000, lambda v: {"k": v})),
    ("dict repr", lambda: repr(deep_d)),
    ("list copy", lambda: deep_a.copy() == deep_a),
    ("list()", lambda: list(deep_a) == deep_a),
]:
    try:
        f()
        print(label, "succeeded")
    except RecursionError as e:
        print(label, "RecursionError:", e)

# Self-containing structures.
a = []
a.append(a)
d = {}
d["d"] = d
l = Link()
l.append(l)
print(a, d, l, [a, d])
print(a == a, d == d)
t = ([],)
t[0].append(t)
print(t)
try:
    a2 = []
    a2.append(a2)
    print(a == a2)
except RecursionError as e:
    print("RecursionError:", e)

print(range(10)[2:5], range(10)[2:5] == range(2, 5), range(0, 20, 3)[::2], range(10)[::-1])
