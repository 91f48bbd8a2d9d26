# Attribute hooks: __getattr__ only for attributes not found normally,
# __setattr__ for every assignment (storing through object.__setattr__ or
# __dict__), __delattr__, and __getattribute__ for every read.
class Defaults:
    def __init__(self):
        self.real = "real value"

    def __getattr__(self, name):
        print("  __getattr__", name)
        if name.startswith("opt_"):
            return "default for " + name[4:]
        raise AttributeError("no attribute " + repr(name))

d = Defaults()
print(d.real)
print(d.opt_color)
print(getattr(d, "opt_size"), hasattr(d, "opt_x"), hasattr(d, "other"))
try:
    d.other
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(d, "missing", "fallback"))

class Recorder:
    def __init__(self, x):
        self.history = []
        self.x = x

    def __setattr__(self, name, value):
        if name != "history":
            self.history.append(name + "=" + repr(value))
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        self.history.append("del " + name)
        object.__delattr__(self, name)

r = Recorder(1)
r.x = 2
r.y = "two"
setattr(r, "z", [3])
del r.y
print(r.history)
print(sorted(vars(r)))

# A __setattr__ that refuses changes: a read-only object.
class Frozen:
    def __init__(self, **fields):
        for k, v in fields.items():
            self.__dict__[k] = v

    def __setattr__(self, name, value):
        raise AttributeError("Frozen is read-only: cannot set " + name)

    def __delattr__(self, name):
        raise AttributeError("Frozen is read-only: cannot delete " + name)

f = Frozen(a=1, b=2)
print(f.a, f.b)
try:
    f.a = 10
except AttributeError as e:
    print("AttributeError:", e)
try:
    del f.b
except AttributeError as e:
    print("AttributeError:", e)
print(f.a, f.b)

# A proxy forwards unknown attributes to the object it wraps.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "target", target)
        object.__setattr__(self, "reads", 0)

    def __getattr__(self, name):
        object.__setattr__(self, "reads", self.reads + 1)
        return getattr(self.target, name)

p = Proxy([3, 1, 2])
p.append(0)
p.sort()
print(p.target, p.reads, p.count(1))

# __getattribute__ sees every read, even of existing attributes.
class Watched:
    def __init__(self):
        self.value = 5

    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("  read", name)
        return object.__getattribute__(self, name)

    def double(self):
        return self.value * 2

w = Watched()
print(w.value, w.double())

# The default errors.
class Plain:
    pass

for action in ["get", "del"]:
    try:
        if action == "get":
            Plain().nope
        else:
            del Plain().nope
    except AttributeError as e:
        print("AttributeError:", e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
