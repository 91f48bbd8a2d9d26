# Lesson: instance methods, static methods and class methods. Who receives what,
# how each is called through the class and through an instance, bound versus
# plain functions, and classmethods as alternative constructors in subclasses.
class Temperature:
    unit = "C"

    def __init__(self, degrees):
        self.degrees = degrees

    # An instance method receives the instance as self.
    def show(self):
        return str(self.degrees) + self.unit

    # A static method receives nothing extra: a plain function kept in the class.
    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32

    # A class method receives the class (or the subclass it was called on).
    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

    @classmethod
    def describe(cls):
        return cls.__name__ + " in " + cls.unit

t = Temperature(100)
print(t.show())
print(Temperature.show(t))          # the same call, self passed by hand
print(Temperature.c_to_f(100), t.c_to_f(0))
print(Temperature.from_fahrenheit(212).show(), t.from_fahrenheit(32).show())
print(Temperature.describe(), t.describe())

# Bound methods remember their instance.
m = t.show
t.degrees = 37
print(m(), m.__self__ is t, m.__func__ is Temperature.show)
print(type(m).__name__, type(Temperature.show).__name__)

# Through the class, an instance method is a plain function; calling it without self fails.
try:
    Temperature.show()
except TypeError as e:
    print("TypeError:", e)

# Static methods are plain functions through either route; class methods are bound to the class.
print(type(Temperature.c_to_f).__name__, type(t.c_to_f).__name__)
print(type(Temperature.describe).__name__, Temperature.describe.__self__ is Temperature)
print(t.describe.__self__ is Temperature)

# In a subclass, cls is the subclass, so alternative constructors build the right type.
class Kelvin(Temperature):
    unit = "K"

k = Kelvin.from_fahrenheit(32)
print(type(k).__name__, k.show(), Kelvin.describe())

# Static methods do not see the class at all.
class Maths:
    factor = 10

    @staticmethod
    def add(a, b):
        return a + b

    @classmethod
    def scale(cls, x):
        return x * cls.factor

    def both(self, x):
        return self.add(x, 1), self.scale(x)

print(Maths.add(2, 3), Maths.scale(4), Maths().both(5))

# staticmethod and classmethod are also ordinary callables.
def helper(x):
    return x * 2

class Tools:
    double = staticmethod(helper)
    name = classmethod(lambda cls: cls.__name__.lower())

print(Tools.double(21), Tools().double(4), Tools.name(), Tools().name())

# Binding happens on attribute access: each access makes a new bound method object.
a = t.show
b = t.show
print(a == b, a is b, a.__func__ is b.__func__)

# A function stored on the instance (not the class) is not bound.
t.greet = lambda: "hello from instance attribute"
print(t.greet())
