# Lesson: `is` asks "the same object?", `==` asks "equal values?". Small ints
# (-5..256) are shared, larger ones computed at run time are not; every []
# is new but the empty tuple is shared; id() stays the same for an object's
# lifetime (ids are compared here, never printed).
a = [1, 2, 3]
b = a
c = [1, 2, 3]
print(a == b, a is b, a == c, a is c)
b.append(4)
print(a, c, a == c)

# Small ints are cached by CPython: the same object however they are made.
x = 256
y = int("256")
print(x == y, x is y)
x = 257
y = int("257")
print(x == y, x is y)
x = -5
y = int("-5")
print(x is y)
x = -6
y = int("-6")
print(x is y)
print((int("100") + 100) is int("200"), (int("200") + 100) is int("300"))
big1 = 10 ** 6
big2 = int("1000000")
print(big1 == big2, big1 is big2)

# Empty containers: [] and {} are new each time; () is a single shared object.
# (A helper keeps CPython from warning about `is` with a literal.)
def same(u, v):
    return u is v

print(same([], []), [] == [], same({}, {}), same((), ()), same(tuple(), ()), same(tuple([]), ()))
print(str() == "", same(list(), list()), same(dict(), dict()))

# None, True and False are singletons.
print(None is None, type(None)() is None, bool(1) is True, (1 == 1) is True, (not 0) is True)

# is does not call __eq__; == does.
class AlwaysEqual:
    def __eq__(self, other):
        return True

e = AlwaysEqual()
print(e == 5, e is AlwaysEqual(), e == AlwaysEqual(), e == None, e is None, e is e)

# id(): equal for the same object, different for two live objects at once.
p = [0]
q = [0]
print(id(p) == id(p), id(p) == id(q), (id(p) != id(q)) == (p is not q))
alias = p
print(id(alias) == id(p), alias is p)
alias.append(1)
print(p, id(alias) == id(p))
p = p + [2]
print(p, alias, id(alias) == id(p))

# Mutating methods keep the identity; rebinding operations make new objects.
nums = [3, 1, 2]
before = id(nums)
nums.sort()
nums += [4]
print(id(nums) == before, nums)
nums = sorted(nums)
print(id(nums) == before)
text = "ab"
same_text = text
text += "c"
print(text, same_text, text is same_text)

# Copies: equal, not identical; shallow copies share their elements.
grid = [[0], [1]]
shallow = grid[:]
shallow2 = list(grid)
print(shallow == grid, shallow is grid, shallow[0] is grid[0], shallow2[1] is grid[1])
shallow[0].append("shared")
print(grid)
d = {"k": [1]}
dc = d.copy()
print(dc == d, dc is d, dc["k"] is d["k"])

# Membership tests identity first, then equality.
class Never:
    def __eq__(self, other):
        return False

n = Never()
print(n == n, n in [n], n in [Never()], [n] == [n], (n,) == (n,))
