# hash() and id(): hashes of small ints are the ints themselves (except -1),
# equal numbers of different types hash alike, equal tuples hash alike; ids
# are only compared, never printed, because they vary between runs.
print([hash(n) for n in [0, 1, 2, 100, -2, 10 ** 9]])
print(hash(-1), hash(-2), hash(-1) == hash(-2))
print(hash(True), hash(False), hash(1.0), hash(2.0) == hash(2), hash(-0.0), hash(0.5) == hash(0.5))
print(hash(None) == hash(None), hash(()) == hash(()), hash((1, 2)) == hash((1, 2)))
print(hash((1, 2)) == hash((1.0, 2)), hash((1, (2, 3))) == hash((1, (2, 3))))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
s1 = "hello"
s2 = "hel" + "lo"[0:2]
print(hash(s1) == hash(s2), hash(b"ab") == hash(b"a" + b"b"))

# Equal keys are interchangeable in dicts because they hash and compare equal.
d = {1: "int one"}
d[1.0] = "float one"
d[True] = "bool one"
print(d, len(d))
d2 = {(1, 2): "t"}
print(d2[(1.0, 2.0)], (True, 2) in d2)

# Unhashable values.
for v in [[1], {1: 2}, {3}, ([],)]:
    try:
        hash(v)
    except TypeError as e:
        print("TypeError:", e)

# id: constant for an object, unique among objects alive at the same time.
x = [1]
y = x
z = [1]
print(id(x) == id(x), id(x) == id(y), id(x) == id(z), type(id(x)).__name__, id(x) > 0)
x.append(2)
print(id(x) == id(y))
objs = [[], [], [], []]
print(len(set([id(o) for o in objs])))

# Small ints and singletons have one id.
n1 = 7
n2 = int("7")
print(id(n1) == id(n2), id(None) == id(None), id(True) == id(1 == 1))

# id follows identity: an alias has the same id, a copy does not.
row = [0, 0]
grid = [row, row]
print(id(grid[0]) == id(grid[1]))
grid = [row[:], row[:]]
print(id(grid[0]) == id(grid[1]))

# Objects of user classes hash by identity unless they define __hash__.
class Token:
    pass

a = Token()
b = Token()
print(hash(a) == hash(a), hash(a) == hash(b), {a: 1, b: 2}[a])

class Keyed:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return self.k == other.k

    def __hash__(self):
        return hash(self.k)

print(hash(Keyed(5)), hash(Keyed(-1)), hash(Keyed((1, 2))) == hash((1, 2)), {Keyed(3): "found"}[Keyed(3)])

