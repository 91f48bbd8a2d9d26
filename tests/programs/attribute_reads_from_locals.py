# `local.attr` and `local.method(...)` each run as one fused instruction;
# every way an attribute can be found (instance dict, class attribute,
# property, __getattr__, slots of built-in types, modules, classes) and
# every way it can fail must behave as two separate instructions would.
import sys


class Point:
    kind = "point"

    def __init__(self, x, y):
        self.x = x
        self.y = y

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)

    def moved(self, dx):
        return Point(self.x + dx, self.y)


class Lazy:
    def __getattr__(self, name):
        return "computed " + name


class Shadow(Point):
    def __init__(self):
        super().__init__(1, 2)
        self.moved = lambda dx: "instance attribute wins " + str(dx)


def read_all(p, lazy, s, n, mod, cls):
    print(p.x, p.y, p.kind, p.norm1, p.moved(3).x)
    print(lazy.anything, lazy.other)
    print(s.upper(), s.split("-"), n.real, n.bit_length())
    print(mod.maxsize > 0, cls.kind, cls.__name__)
    sh = Shadow()
    print(sh.moved(5), sh.x)
    p.kind = "own"
    print(p.kind, Point.kind)
    del p.x
    try:
        print(p.x)
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        print(n.missing)
    except AttributeError as e:
        print("AttributeError:", e)


read_all(Point(3, -4), Lazy(), "a-b", 6, sys, Point)
points = [Point(i, i * i) for i in range(5)]
total = 0
for q in points:
    total += q.x * q.y
print(total)


def unbound():
    try:
        print(later.x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    later = Point(0, 0)
    return later.x


print(unbound())


class Swap:
    def __init__(self):
        self.a = 1


w = Swap()
w.__class__ = Lazy
print(w.a, w.b)
print(type(w).__name__, w.__dict__)
for bad in (5, Point):
    try:
        w.__class__ = bad
        print("assigned", type(w).__name__)
    except TypeError as e:
        print("TypeError:", e)
for obj in (5, "s", [1]):
    try:
        obj.__class__ = Swap
    except TypeError as e:
        print("TypeError:", e)
try:
    del w.__class__
except TypeError as e:
    print("TypeError:", e)


class Err(Exception):
    pass


try:
    w.__class__ = Err
except TypeError as e:
    print("TypeError:", e)
w.x = 10
w.y = 20
print(w.x, w.moved(1).x, isinstance(w, Point))
