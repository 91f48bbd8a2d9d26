# isinstance and issubclass with single classes and (nested) tuples of classes,
# built-in types (bool is an int), object, type itself, and the errors for
# arguments that are not classes.
class Animal: pass
class Dog(Animal): pass
class Cat(Animal): pass
class Robot: pass

items = [Dog(), Cat(), Robot(), 3, True, 2.5, "s", None, [1], (1,)]
for it in items:
    flags = [isinstance(it, Animal), isinstance(it, (Dog, Robot)), isinstance(it, (int, float)),
             isinstance(it, (list, (tuple, str))), isinstance(it, ())]
    print(type(it).__name__, flags)

print(issubclass(Dog, Animal), issubclass(Dog, (Cat, Robot)), issubclass(Dog, (Cat, (Robot, Animal))))
print(issubclass(bool, int), issubclass(int, bool), issubclass(bool, (str, float)))
print(issubclass(Robot, object), issubclass(type, object), issubclass(object, type))
print(isinstance(Dog, type), isinstance(int, type), isinstance(type, type), isinstance(type, object))
print(isinstance(object, object), isinstance(Dog, Animal), isinstance(Dog(), type))
print(isinstance(None, type(None)), type(None).__name__)

# A class is a subclass of itself but not an instance of itself.
print(issubclass(Animal, Animal), isinstance(Animal, Animal))

# Exact type checks differ from isinstance.
d = Dog()
print(type(d) is Animal, type(d) is Dog, isinstance(d, Animal))
print(type(True) is int, type(True) is bool, isinstance(True, int))

def kind(x):
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, (int, float)):
        return "number"
    if isinstance(x, (str, bytes)):
        return "text"
    if isinstance(x, (list, tuple, dict)):
        return "container"
    if isinstance(x, Animal):
        return "animal"
    return "other"

print([kind(x) for x in [1, False, 1.5, "a", b"b", [], {}, (), Cat(), Robot(), None]])

# Tuples can be built at run time.
numeric = (int,)
numeric = numeric + (float,)
print(isinstance(1.0, numeric), isinstance("1", numeric), len(numeric))

# Errors for arguments that are not classes.
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(int, (int, 3))
    print("int matched first, 3 never checked")
    issubclass(str, (int, 3))
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance(1, [int])
except TypeError as e:
    print("TypeError:", e)
