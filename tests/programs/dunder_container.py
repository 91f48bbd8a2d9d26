# Container protocol: __getitem__, __setitem__, __delitem__, __contains__,
# slice objects passed to __getitem__, the old sequence iteration protocol
# (for and in via __getitem__ until IndexError), and a dict subclass's
# __missing__.
class Grid:
    def __init__(self, w, h):
        self.w = w
        self.h = h
        self.cells = {}

    def __getitem__(self, pos):
        x, y = pos
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError("cell " + repr(pos) + " outside the grid")
        return self.cells.get(pos, ".")

    def __setitem__(self, pos, value):
        print("  set", pos, "=", value)
        self.cells[pos] = value

    def __delitem__(self, pos):
        print("  del", pos)
        del self.cells[pos]

    def __contains__(self, value):
        return value in self.cells.values()

    def __len__(self):
        return self.w * self.h

g = Grid(3, 2)
g[0, 0] = "X"
g[2, 1] = "O"
print(g[0, 0], g[1, 1], g[2, 1], "X" in g, "Z" in g, "Z" not in g, len(g))
for y in range(g.h):
    print("".join([g[x, y] for x in range(g.w)]))
del g[0, 0]
print(g[0, 0], "X" in g)
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)
try:
    del g[1, 1]
except KeyError as e:
    print("KeyError:", e)

# Slices arrive as slice objects.
class Seq:
    def __init__(self, data):
        self.data = data

    def __getitem__(self, key):
        if isinstance(key, slice):
            print("  slice", key.start, key.stop, key.step)
            return Seq(self.data[key])
        print("  index", key)
        return self.data[key]

    def __repr__(self):
        return "Seq(" + repr(self.data) + ")"

s = Seq([10, 20, 30, 40, 50])
print(s[1], s[-1], s[1:3], s[::2], s[:])

# Without __iter__ or __contains__, for and in fall back to __getitem__ with 0, 1, 2, ...
class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i

print([v for v in Squares()], 9 in Squares(), 10 in Squares(), list(Squares()))
a, b, *rest = Squares()
print(a, b, rest)

# dict subclasses can supply __missing__.
class Defaulting(dict):
    def __missing__(self, key):
        print("  missing", key)
        return key * 2

d = Defaulting(a=1)
print(d["a"], d["bc"], "bc" in d, d.get("zz"))

# Unsupported operations name the missing protocol.
class Nothing:
    pass

n = Nothing()
try:
    n[0]
except TypeError as e:
    print("TypeError:", e)
try:
    n[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    del n[0]
except TypeError as e:
    print("TypeError:", e)
try:
    1 in n
except TypeError as e:
    print("TypeError:", e)
class ReadOnly:
    def __getitem__(self, i):
        return i
try:
    ReadOnly()[0] = 1
except TypeError as e:
    print("TypeError:", e)
