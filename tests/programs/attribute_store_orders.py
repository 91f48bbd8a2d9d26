# Instances of one class filled in different orders, through the same
# STORE_ATTR sites: the attribute dict must keep each instance's own order
# and never hold a name twice, whatever the previous instance did.
class P:
    def __init__(self, first, a, b):
        if first:
            self.a = a
            self.b = b
        else:
            self.b = b
            self.a = a
        self.c = a + b


ps = [P(i % 2 == 0, i, 10 * i) for i in range(6)]
for p in ps:
    print(list(vars(p).items()))

# A name stored through setattr with an equal but separately built string,
# then through a plain store: one entry, the later value.
q = P(True, 1, 2)
name = "".join(["a"])
setattr(q, name, 100)
q.a = 200
print(vars(q), len(vars(q)))

# Deleting and storing again moves the name to the end, as in CPython.
del q.a
q.a = 300
q.d = 4
print(list(vars(q)))

# A replaced __dict__ with non-str keys still takes attributes.
r = P(False, 1, 1)
r.__dict__ = {1: "one"}
r.x = 5
r.y = 6
print(r.__dict__)

# Many attributes: past the small layout of eight entries.
class Many:
    pass


m1, m2 = Many(), Many()
for i in range(12):
    setattr(m1, "f" + str(i), i)
for obj in (m1, m2):
    obj.g0 = 0
    obj.g1 = 1
    obj.g2 = 2
print(len(vars(m1)), list(vars(m2).items()), m1.f11, m1.g2)

# __dict__ is a data descriptor: a key "__dict__" in the dict does not hide
# it, a non-dict is refused, and deleting it leaves an empty dict.
s = P(True, 1, 2)
s.__dict__["__dict__"] = "shadow"
print(type(s.__dict__).__name__, s.__dict__["__dict__"])
try:
    s.__dict__ = 5
except TypeError as e:
    print("TypeError:", e)
del s.__dict__
print(s.__dict__)
s.e = 1
print(vars(s))


class D(dict):
    pass


s.__dict__ = D(k=1)
print(type(s.__dict__).__name__, s.k)
