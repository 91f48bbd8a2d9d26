# collections.namedtuple: fields, defaults, _make, _asdict, _replace, repr,
# tuple behaviour, subclassing.
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p))
x, y = p
print(x + y, p == (3, 4), p == Point(3, 4), p < Point(3, 5), hash(p) == hash((3, 4)))
print(Point._fields, Point.__name__, Point(y=1, x=2))
print(p._asdict(), p._replace(y=10), Point._make([7, 8]), Point._make(range(2)))
print(isinstance(p, tuple), type(p).__name__, p.count(3), p.index(4))

Config = namedtuple("Config", "host port debug", defaults=[8080, False])
print(Config("localhost"), Config("h", 1), Config._field_defaults)
Row = namedtuple("Row", "a, b, c")
print(Row(1, 2, 3), sorted([Row(2, 1, 0), Row(1, 5, 5), Row(1, 2, 9)]))
R = namedtuple("R", ["ok", "def", "ok"], rename=True)
print(R._fields)

try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    namedtuple("Bad", "x _y")
except ValueError as e:
    print("ValueError:", e)
try:
    namedtuple("Bad", "x x")
except ValueError as e:
    print("ValueError:", e)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError")
try:
    p._replace(z=1)
except ValueError as e:
    print("ValueError:", e)


class Vector(namedtuple("Vector", "x y")):
    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def norm2(self):
        return self.x * self.x + self.y * self.y


v = Vector(1, 2) + Vector(3, 4)
print(v, v.norm2(), isinstance(v, tuple))
pts = [Point(i, i * i) for i in range(4)]
print(max(pts, key=lambda q: q.y), [q.y for q in pts], dict(pts))
