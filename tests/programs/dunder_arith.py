# Arithmetic operator methods: __add__ and friends, the reflected forms
# (__radd__ when the left operand gives up with NotImplemented), unary
# operators, sum() starting from 0, and the TypeError when nobody handles it.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Vec(" + str(self.x) + ", " + str(self.y) + ")"

    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        if isinstance(other, (int, float)):
            return Vec(self.x + other, self.y + other)
        return NotImplemented

    def __radd__(self, other):
        print("  __radd__ with", repr(other))
        return self.__add__(other)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return Vec(k * self.x, k * self.y)

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)

    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)

    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)

    def __pow__(self, n):
        return Vec(self.x ** n, self.y ** n)

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __pos__(self):
        return self

    def __abs__(self):
        return (self.x * self.x + self.y * self.y) ** 0.5

a = Vec(1, 2)
b = Vec(3, 4)
print(a + b, b - a, a * 3, 3 * a, a * b)
print(b / 2, b // 2, Vec(7, -7) % 3, a ** 3)
print(-a, +a is a, abs(b))
print(a + 10, 10 + a)
print(2.5 + a)
print(sum([a, b, Vec(10, 10)]))

# NotImplemented from both sides gives a TypeError naming both types.
try:
    a + "text"
except TypeError as e:
    print("TypeError:", e)
try:
    "text" + a
except TypeError as e:
    print("TypeError:", e)
try:
    a - 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    a @ b
except TypeError as e:
    print("TypeError:", e)
try:
    ~a
except TypeError as e:
    print("TypeError:", e)

# A subclass that overrides the reflected method is tried first.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        print("  Money.__add__")
        return Money(self.cents + other.cents)

    def __radd__(self, other):
        print("  Money.__radd__")
        return Money(self.cents + other.cents)

class Euro(Money):
    def __radd__(self, other):
        print("  Euro.__radd__")
        return Euro(self.cents + other.cents)

r = Money(100) + Euro(50)
print(type(r).__name__, r.cents)
r = Euro(1) + Money(2)
print(type(r).__name__, r.cents)

# Operators on ints return NotImplemented when called directly with other types.
print((5).__add__(3), (5).__add__("x"), (5).__radd__(2), (2.0).__mul__(3))
