# Classes deriving from built-ins override dunders and reach the built-in's
# through super(): __getitem__, __setitem__, __contains__, __len__, __new__.


class L(list):
    def __getitem__(self, i):
        return ("item", super().__getitem__(i))

    def __len__(self):
        return super().__len__() * 10


class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)

    def __contains__(self, k):
        return super().__contains__(k.lower())


class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]


class Upper(str):
    def __new__(cls, text):
        return super().__new__(cls, text.upper())


l = L([1, 2, 3])
print(l[0], l[-1], len(l), list(l), l)
d = D()
d["a"] = 1
d.update(b=2)
print(d, "A" in d, "B" in d, "c" in d)
p = Point(3, 4)
p.name = "p"
print(p, type(p).__name__, p.x, p.name, p == (3, 4), isinstance(p, tuple))
u = Upper("shout")
print(u, type(u).__name__, u + "!", len(u))
