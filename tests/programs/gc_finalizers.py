# __del__: when the last reference goes, once per object even in a cycle
# (PEP 442), resurrection, and exceptions in a finalizer.
import gc

gc.collect()


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


# Reference counting runs __del__ at once.
a = Noisy("a")
del a
print("after del a")

# Rebinding drops the old object.
b = Noisy("b1")
b = Noisy("b2")
print("after rebinding b")
del b

# A cycle: nothing happens until the collector runs, then each __del__
# runs once.
x = Noisy("x")
y = Noisy("y")
x.other = y
y.other = x
del x, y
print("cycle dropped")
found = gc.collect()
print("collected something:", found > 0)
print("second collect finds", gc.collect())

# A finalizer that resurrects its object: the object survives the
# collection, and its __del__ does not run a second time.
saved = []


class Phoenix:
    def __del__(self):
        print("Phoenix.__del__")
        saved.append(self)


p = Phoenix()
p.me = p
del p
gc.collect()
print("resurrected:", len(saved), type(saved[0]).__name__)
print("finalized:", gc.is_finalized(saved[0]))
saved.clear()
gc.collect()
print("gone, __del__ ran once")

# Resurrection by reference counting.
class Clinger:
    def __del__(self):
        print("Clinger.__del__")
        saved.append(self)


c = Clinger()
del c
print("clinging:", len(saved))
saved.clear()
print("cleared")

# A finalizer in a subclass, and one inherited.
class Base:
    def __del__(self):
        print("Base.__del__ of", type(self).__name__)


class Derived(Base):
    pass


d = Derived()
del d
print(gc.is_finalized(Noisy("z")))
print("end")
