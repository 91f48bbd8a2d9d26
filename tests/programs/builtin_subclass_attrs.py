# Instances of classes deriving from list, dict, tuple, str, set and
# frozenset carry instance attributes and a __dict__, keep their class in
# type() and repr, and reach the built-in's methods through super().


class L(list):
    def append(self, x):
        self.appended = getattr(self, "appended", 0) + 1
        super().append(x)


class D(dict):
    def __setitem__(self, k, v):
        super().update({k: v * 10})


class T(tuple):
    pass


class S(str):
    def shout(self):
        return self.upper() + "!"


class St(set):
    pass


class FS(frozenset):
    pass


l = L([1, 2])
l.name = "numbers"
l.append(3)
print(type(l), l, len(l), l.name, l.appended, l.__dict__)
print(l[0], list(l), [x for x in l], isinstance(l, list), isinstance(l, L))
print(vars(l), "name" in dir(l))

d = D()
d["a"] = 1
d.tag = "t"
print(type(d), d, d.tag, d.__dict__, isinstance(d, dict), len(d), list(d))

t = (1, 2)
tt = T(t)
tt.label = "pair"
print(type(t), type(tt), tt, tt.label, tt == t, tt is t, len(tt), hash(tt) == hash(t))
empty = T()
empty.x = 1
print(type(()), type(empty), empty, empty.x, type(T()), T().__dict__)

base = "hello"
s = S(base)
s.lang = "en"
print(type(base), type(s), s, repr(s), s.lang, s.shout(), s == base, len(s), s + "!", s.__dict__)
print(type(S()), type(""), S("") == "")

st = St([3, 1, 2])
st.kind = "ints"
print(type(st), st, st.kind, sorted(st), 2 in st, st.__dict__)
f = frozenset([1])
fs = FS(f)
fs.note = "frozen"
print(type(f), type(fs), fs, fs.note, fs == f)

# Attributes do not leak between instances, and deletion works.
a = L()
b = L()
a.x = 1
print(hasattr(b, "x"), a.__dict__, b.__dict__)
del a.x
print(a.__dict__)
try:
    del a.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(b.missing)
except AttributeError as e:
    print("AttributeError:", e)

# A list that holds itself through an attribute and an item.
c = L()
c.me = c
c.append(c)
print(len(c), c.me is c)

# Plain built-ins still refuse attributes.
for v in [[], {}, (), "", set(), frozenset()]:
    try:
        v.x = 1
    except AttributeError as e:
        print("AttributeError:", e)


class Counter(dict):
    def __missing__(self, key):
        return 0


c = Counter()
c.total = 3
print(c["nothing"], c.total, type(c).__name__)
