# __new__ creates the object, __init__ fills it in: call order, arguments both
# receive, __new__ returning an existing object, and __new__ returning another
# type (then __init__ is skipped).
class Traced:
    def __new__(cls, *args):
        print("__new__", cls.__name__, args)
        obj = super().__new__(cls)
        return obj

    def __init__(self, x, y=0):
        print("__init__", x, y)
        self.x = x
        self.y = y

t = Traced(1, 2)
print(t.x, t.y, type(t).__name__)

# A subclass inherits both; cls is the subclass.
class SubTraced(Traced):
    pass

s = SubTraced(7)
print(type(s).__name__, s.x, isinstance(s, Traced))

# A singleton: __new__ hands back the same object, __init__ still runs every time.
class Config:
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            print("creating the one Config")
            cls._instance = super().__new__(cls)
            cls._instance.loads = 0
        return cls._instance

    def __init__(self):
        self.loads += 1

a = Config()
b = Config()
print(a is b, a.loads, b.loads)

# When __new__ returns an object that is not an instance of cls, __init__ is not called.
class Weird:
    def __new__(cls, value):
        return [value, value]

    def __init__(self, value):
        print("never printed")

w = Weird(3)
print(w, type(w).__name__)

# __new__ can cache instances by value.
class Color:
    _cache = {}

    def __new__(cls, name):
        if name in cls._cache:
            return cls._cache[name]
        obj = super().__new__(cls)
        obj.name = name
        cls._cache[name] = obj
        return obj

red1 = Color("red")
red2 = Color("red")
blue = Color("blue")
print(red1 is red2, red1 is blue, sorted(Color._cache))

# object.__new__ and __init__ only.
class Plain:
    def __init__(self, v):
        self.v = v

p = Plain.__new__(Plain)
print(type(p).__name__, hasattr(p, "v"))
Plain.__init__(p, 9)
print(p.v)

# Wrong argument counts are reported against __init__.
try:
    Plain()
except TypeError as e:
    print("TypeError:", e)
try:
    Plain(1, 2)
except TypeError as e:
    print("TypeError:", e)

# __init__ must return None.
class BadInit:
    def __init__(self):
        return 5

try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)
