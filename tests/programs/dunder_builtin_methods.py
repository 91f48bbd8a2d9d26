# The dunder methods of built-in types as attributes: slot wrappers in the
# type (int.__add__), bound method-wrappers on values ((5).__add__), their
# NotImplemented results, and classes calling them through super() or the
# base type explicitly.
print((5).__add__(3), int.__add__(5, 3), (5).__radd__(2), (7).__sub__(2), (7).__rsub__(2))
print((5).__add__("x"), (5).__lt__("x"), (5).__eq__("5"), (2.0).__mul__(3), (3).__truediv__(2))
print((-4).__abs__(), (4).__neg__(), (4).__invert__(), (0).__bool__(), (2.5).__neg__())
print("a".__len__(), "ab".__add__("c"), "ab".__mul__(2), "ab".__rmul__(2), "abc".__contains__("b"))
print([1, 2].__getitem__(0), [1].__len__(), [3, 1].__lt__([3, 2]), (1, 2).__eq__((1, 2)), (1,).__add__((2,)))
print({"k": 1}.__getitem__("k"), {"k": 1}.__contains__("x"), {}.__len__(), range(5).__len__(), range(5).__getitem__(-1))
items = [1]
items.__setitem__(0, "one")
items.__iadd__([2])
items.__delitem__(1)
print(items, items.__eq__(["one"]), items.__ne__(["one"]), items.__lt__(5))
it = [10, 20].__iter__()
print(it.__next__(), it.__next__())
try:
    it.__next__()
except StopIteration:
    print("StopIteration")

# Reprs and types.
print(int.__add__, str.__mul__, list.__iter__, object.__eq__)
print(type(int.__add__).__name__, type((5).__add__).__name__, type([].__len__).__name__)
print(list.__hash__, dict.__hash__ is None, "__sub__" in dir(str), "__add__" in dir(int), "__iadd__" in dir(tuple))
print(object.__eq__(items, items), object.__ne__(1, 2), object.__lt__(1, 2), int.__repr__(12), str.__str__("s"))

# Argument errors, as CPython's wrapper descriptors word them.
for call in [lambda: int.__add__("a", 1), lambda: int.__add__(), lambda: (5).__add__(), lambda: (5).__neg__(1),
             lambda: (5).__add__(3, extra=1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

# User classes reaching the built-in methods.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        if isinstance(other, Point):
            return (self.x, self.y) == (other.x, other.y)
        return super().__eq__(other)

    __hash__ = object.__hash__

    def __repr__(self):
        return "Point" + object.__repr__(self)[:0] + str((self.x, self.y))

p = Point(1, 2)
print(p == Point(1, 2), p == 3, p.__eq__(3), p != Point(2, 1), hash(p) == object.__hash__(p), repr(p))

class Bag(list):
    def __len__(self):
        return list.__len__(self) * 10

    def __getitem__(self, i):
        return "item " + str(list.__getitem__(self, i))

b = Bag([1, 2, 3])
print(len(b), b[0], b.__len__(), list.__len__(b), b.__add__([4]))

class Loud(dict):
    def __setitem__(self, key, value):
        print("  set", key)
        dict.__setitem__(self, key, value * 2)

d = Loud()
d["a"] = 1
print(d, d.__getitem__("a"))

# A str or tuple subclass gets an object of its own, never the shared "a" or ().
class Shout(str):
    def __len__(self):
        return str.__len__(self) + 100

class Pair(tuple):
    pass

print(len(Shout("a")), len("a"), type("a").__name__, type(Shout("a")).__name__, type(Pair()).__name__, type(()).__name__)
