# Single inheritance: overriding, extending with super(), calling the base
# __init__, attribute lookup through the chain, and super() outside __init__.
class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name
        print("Shape.__init__", name)

    def area(self):
        return 0

    def describe(self):
        return self.name + " with " + str(self.sides) + " sides, area " + str(self.area())

class Rectangle(Shape):
    sides = 4

    def __init__(self, w, h):
        super().__init__("rectangle")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

class Square(Rectangle):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"

    def describe(self):
        return "[" + super().describe() + "]"

class Triangle(Shape):
    sides = 3

shapes = [Shape("blob"), Rectangle(2, 3), Square(4), Triangle("tri")]
for s in shapes:
    print(s.describe())

# Lookup walks up the chain.
sq = Square(2)
print(sq.sides, sq.area(), Square.sides, Square.area is Rectangle.area)
print([c.__name__ for c in Square.__mro__])

# A subclass without __init__ uses the parent's, arguments included.
try:
    Triangle()
except TypeError as e:
    print("TypeError:", e)

# Forgetting super().__init__ leaves the base attributes unset.
class Careless(Shape):
    def __init__(self):
        self.extra = 1

c = Careless()
print(hasattr(c, "extra"), hasattr(c, "name"))

# Explicit base-class calls work too (the old style).
class Logged(Rectangle):
    def area(self):
        result = Rectangle.area(self)
        print("  area computed:", result)
        return result

print(Logged(5, 6).describe())

# super() in a method other than __init__, chained over three levels.
class A:
    def hello(self):
        return ["A"]

class B(A):
    def hello(self):
        return ["B"] + super().hello()

class C(B):
    def hello(self):
        return ["C"] + super().hello()

print(C().hello(), B().hello())

# super() with explicit arguments.
print(super(C, C()).hello(), super(B, C()).hello())

# Class attributes overridden in a subclass, read through self.
class Base:
    greeting = "hello"

    def greet(self):
        return self.greeting + ", " + type(self).__name__

class Derived(Base):
    greeting = "hi"

print(Base().greet(), Derived().greet())

# isinstance and issubclass along the chain.
print(isinstance(sq, Square), isinstance(sq, Rectangle), isinstance(sq, Shape), isinstance(sq, Triangle))
print(issubclass(Square, Shape), issubclass(Shape, Square), issubclass(Square, Square), issubclass(Square, object))
