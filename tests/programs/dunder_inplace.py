# In-place operators: __iadd__ mutating and returning self versus the fallback
# to __add__ that rebinds the name to a new object, what aliases see, and
# += on a list held inside a tuple (mutates, then raises).
class Bag:
    def __init__(self, items):
        self.items = list(items)

    def __repr__(self):
        return "Bag(" + repr(self.items) + ")"

    def __add__(self, other):
        print("  __add__")
        return Bag(self.items + other.items)

    def __iadd__(self, other):
        print("  __iadd__")
        self.items.extend(other.items)
        return self

class Frozen:
    def __init__(self, items):
        self.items = tuple(items)

    def __repr__(self):
        return "Frozen(" + repr(self.items) + ")"

    def __add__(self, other):
        print("  __add__")
        return Frozen(self.items + other.items)

a = Bag([1])
alias = a
a += Bag([2])
print(a, alias, a is alias)
a = a + Bag([3])
print(a, alias, a is alias)

f = Frozen([1])
falias = f
f += Frozen([2])
print(f, falias, f is falias)

# __iadd__ that returns something else rebinds the name to that.
class Odd:
    def __iadd__(self, other):
        return "replaced by " + repr(other)

o = Odd()
o += 5
print(o)

# Other in-place operators.
class Num:
    def __init__(self, v):
        self.v = v

    def __isub__(self, k):
        self.v -= k
        return self

    def __imul__(self, k):
        self.v *= k
        return self

    def __ifloordiv__(self, k):
        self.v //= k
        return self

    def __imod__(self, k):
        self.v %= k
        return self

    def __ipow__(self, k):
        self.v **= k
        return self

n = Num(10)
keep = n
n -= 3
n *= 4
n //= 5
n **= 2
n %= 7
print(n.v, keep is n)

# Built-in lists: += extends in place, + makes a new list.
xs = [1, 2]
ys = xs
xs += [3]
print(xs, ys, xs is ys)
xs = xs + [4]
print(xs, ys, xs is ys)
ts = (1, 2)
us = ts
ts += (3,)
print(ts, us, ts is us)

# The classic surprise: += on a list inside a tuple extends the list, then the
# tuple item assignment fails.
t = ([1, 2], "x")
try:
    t[0] += [3]
except TypeError as e:
    print("TypeError:", e)
print(t)

# No in-place and no plain operator: TypeError with the augmented symbol.
class Nothing:
    pass

z = Nothing()
try:
    z += 1
except TypeError as e:
    print("TypeError:", e)
try:
    z *= 2
except TypeError as e:
    print("TypeError:", e)
