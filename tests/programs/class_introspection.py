# Names and namespaces of classes and instances: __class__, __name__,
# __qualname__, __module__, __dict__, vars(), type() and type(name, bases, dict).
class Outer:
    kind = "outer"

    class Inner:
        def method(self):
            return "inner method"

    def method(self):
        def local():
            return 1
        return local

o = Outer()
print(o.__class__ is Outer, o.__class__.__name__, type(o).__name__)
print(Outer.__name__, Outer.__qualname__, Outer.__module__)
print(Outer.Inner.__name__, Outer.Inner.__qualname__)
print(Outer.method.__name__, Outer.method.__qualname__)
print(Outer.Inner.method.__qualname__, o.method().__qualname__)
print(repr(Outer), repr(Outer.Inner))
print(type(Outer), type(type), type(Outer) is type)
print(type(len).__name__, type(o.method).__name__, type(Outer.method).__name__)

# vars(obj) is obj.__dict__.
o.x = 1
o.y = [2]
print(vars(o), vars(o) is o.__dict__)
o.__dict__["z"] = "added via __dict__"
print(o.z, sorted(vars(o)))

# A class __dict__ holds its own attributes only (not inherited ones).
names = sorted([n for n in Outer.__dict__ if not n.startswith("__")])
print(names)
class Child(Outer):
    extra = 1
print(sorted([n for n in vars(Child) if not n.startswith("__")]), Child.kind)
print(Child.__bases__ == (Outer,), Outer.__bases__ == (object,), object.__bases__)

# type(name, bases, dict) builds a class at run time.
def speak(self):
    return self.sound + "!"

Animal = type("Animal", (), {"sound": "...", "speak": speak})
Cat = type("Cat", (Animal,), {"sound": "meow"})
print(Animal.__name__, Cat.__name__, Cat.__bases__[0] is Animal)
print(Cat().speak(), Animal().speak(), isinstance(Cat(), Animal))
print(repr(Cat), Cat.__qualname__)

# type() of built-in values.
values = [1, 2.5, "s", b"b", None, True, [1], (1,), {"a": 1}, range(3), len, object()]
print(" ".join([type(v).__name__ for v in values]))

# __class__ of built-in values and of classes themselves.
print((5).__class__.__name__, "x".__class__ is str, Outer.__class__ is type)

# Instances of object() have no __dict__ and take no attributes.
plain = object()
try:
    plain.attr = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)

# Assigning __name__ leaves __qualname__ unchanged.
class Temp:
    pass
Temp.__name__ = "Renamed"
print(Temp.__name__, Temp.__qualname__)
