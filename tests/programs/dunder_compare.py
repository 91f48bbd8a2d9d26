# Rich comparisons: __eq__/__ne__/__lt__/__le__/__gt__/__ge__, the reflected
# swap (a > b tries b.__lt__(a)), __ne__ derived from __eq__, sorting with
# __lt__, and the TypeError for unsupported orderings.
class Version:
    def __init__(self, text):
        self.parts = tuple([int(p) for p in text.split(".")])
        self.text = text

    def __repr__(self):
        return "v" + self.text

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        print("  ", self, "<", other)
        return self.parts < other.parts

    def __le__(self, other):
        return self.parts <= other.parts

a = Version("1.2")
b = Version("1.10")
c = Version("1.2.0")
print(a == b, a != b, a == Version("1.2"), a != Version("1.2"))
print(a < b)
print(b > a)           # no __gt__: Python calls a.__lt__(b)
print(a <= b, b >= a)  # no __ge__: Python calls a.__le__(b)
print(sorted([Version("2.0"), Version("1.10"), Version("1.9")]))
print(a == "1.2", a != "1.2", a == c)
print(max([a, b], key=lambda v: v.parts), min([b, a]))

# Without any ordering methods, < raises.
class Plain:
    pass

p, q = Plain(), Plain()
print(p == p, p == q, p != q)
for op in ["<", "<=", ">", ">="]:
    try:
        if op == "<":
            p < q
        elif op == "<=":
            p <= q
        elif op == ">":
            p > q
        else:
            p >= q
    except TypeError as e:
        print("TypeError:", e)
try:
    a < 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    sorted([Plain(), Plain()])
except TypeError as e:
    print("TypeError:", e)

# __eq__ is used by ==, in, list.index, list.count and list.remove.
class Loose:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == getattr(other, "v", other)

    def __repr__(self):
        return "Loose(" + str(self.v) + ")"

items = [Loose(1), Loose(2), Loose(1)]
print(2 in items, 5 in items, items.index(2), items.count(1))
items.remove(1)
print(items, Loose(3) == 3, 3 == Loose(3), Loose(3) != 3)

# A comparison may return anything; == in an if uses its truth value.
class Weird:
    def __eq__(self, other):
        return "yes"

    def __lt__(self, other):
        return 0

print(Weird() == 1, Weird() < 1, bool(Weird() == 1))
print(Weird() != 1)

# Chained comparisons call each method once.
print(Version("1.0") < Version("1.5") < Version("2.0"))
