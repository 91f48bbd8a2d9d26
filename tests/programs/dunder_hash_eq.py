# Hashing and equality: a class that defines __eq__ without __hash__ becomes
# unhashable; defining both makes it usable in sets and as dict keys; the
# default hash is by identity; __hash__ = None turns hashing off.
class ByIdentity:
    pass

x = ByIdentity()
y = ByIdentity()
d = {x: "x", y: "y"}
print(len(d), d[x], d[y], x == y, hash(x) == hash(x))

class EqOnly:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, EqOnly) and self.v == other.v

print(EqOnly(1) == EqOnly(1), EqOnly.__hash__ is None)
try:
    hash(EqOnly(1))
except TypeError as e:
    print("TypeError:", e)
try:
    {EqOnly(1): "a"}
except TypeError as e:
    print("TypeError:", e)
try:
    {EqOnly(1)}
except TypeError as e:
    print("TypeError:", e)

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return "P(" + str(self.x) + "," + str(self.y) + ")"

pts = {Point(1, 2): "first"}
pts[Point(1, 2)] = "replaced"
pts[Point(2, 1)] = "other"
print(len(pts), pts[Point(1, 2)], Point(2, 1) in pts, Point(3, 3) in pts)
s = {Point(0, 0), Point(0, 0), Point(1, 1)}
print(len(s), sorted(s, key=lambda p: (p.x, p.y)))
print(hash(Point(5, 6)) == hash((5, 6)), hash(Point(5, 6)) == hash(Point(5, 6)))

# Explicitly unhashable.
class NoHash:
    __hash__ = None

try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)

# A subclass that overrides __eq__ loses the inherited __hash__.
class Child(Point):
    def __eq__(self, other):
        return False

try:
    hash(Child(1, 1))
except TypeError as e:
    print("TypeError:", e)

# __hash__ must return an int.
class BadHash:
    def __hash__(self):
        return "not an int"

try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)

# Lookup uses hash first, then identity or ==.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return 7

    def __eq__(self, other):
        print("  comparing", self.name, "with", other.name)
        return self.name == other.name

n1 = Noisy("a")
table = {n1: 1}
print(table[n1])
print(table[Noisy("a")])
print(Noisy("b") in table)

# Built-in unhashables.
for value in [[1], {"a": 1}, ([1], 2)]:
    try:
        hash(value)
    except TypeError as e:
        print("TypeError:", e)
