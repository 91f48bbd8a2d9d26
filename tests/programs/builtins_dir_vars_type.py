# dir(), vars(), type() and object(): introspecting what an object offers.
# dir() output is filtered (no dunders) so that only names this program
# defines, plus a few public built-in method names, are printed.
class Base:
    base_attr = 1

    def base_method(self):
        return "base"

class Thing(Base):
    kind = "thing"

    def __init__(self):
        self.size = 3
        self._hidden = True

    def act(self):
        return "act"

    @property
    def double(self):
        return self.size * 2

    @staticmethod
    def helper():
        return "static"

def public(names):
    return [n for n in names if not n.startswith("__")]

t = Thing()
print(public(dir(t)))
print(public(dir(Thing)))
print(public(dir(Base)))
print(dir(t) == sorted(dir(t)), "__init__" in dir(t), "__class__" in dir(t))
print([n for n in dir(t) if not n.startswith("_")])

# vars: the instance namespace only, in insertion order.
print(vars(t))
t.extra = [1]
print(vars(t), list(vars(t)))
print(sorted(public(vars(Thing))), "base_attr" in vars(Thing), "base_attr" in dir(Thing))

# dir of built-in values: check a few public names exist.
print([n for n in ["append", "pop", "sort", "upper"] if n in dir([])])
print([n for n in ["keys", "items", "get", "append"] if n in dir({})])
print([n for n in ["split", "join", "strip", "pop"] if n in dir("")])
print([n for n in ["bit_length", "real", "upper"] if n in dir(5)], "bit_length" in dir(int))

# type() of values and of classes.
print(type(t) is Thing, type(t).__name__, type(Thing).__name__, type(type).__name__)
print(type(t.act).__name__, type(Thing.act).__name__, type(Thing.double).__name__)
print(type(Thing.helper).__name__, type(vars(t)).__name__, type(dir(t)).__name__)

# type() as a constructor: type(x)(...) makes another of the same kind.
def same_kind_empty(x):
    return type(x)()

print(same_kind_empty([1, 2]), repr(same_kind_empty("ab")), same_kind_empty({1: 2}), same_kind_empty(5))
print(type(t)().size, type("x")(12), type(1.5)("2.5"))

# object(): the simplest object, no attributes, compared by identity.
o1 = object()
o2 = object()
print(o1 == o1, o1 == o2, o1 is o2, type(o1).__name__, isinstance(t, object))
print(public(dir(o1)), hasattr(o1, "__dict__"), hasattr(t, "__dict__"))
print(str(o1).startswith("<object object at "), callable(o1), bool(o1))

# dir() without arguments lists the local names.
def local_names():
    alpha = 1
    beta = 2
    return dir()

print(local_names())

# A class can customize dir().
class Custom:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]

print(dir(Custom()))
