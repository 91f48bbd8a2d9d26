# Multiple inheritance: the C3 method resolution order, the diamond, cooperative
# super() calls that visit each class once, and an MRO that cannot be built.
class Base:
    def who(self):
        return "Base"

    def chain(self):
        return ["Base"]

class Left(Base):
    def who(self):
        return "Left"

    def chain(self):
        return ["Left"] + super().chain()

class Right(Base):
    def who(self):
        return "Right"

    def chain(self):
        return ["Right"] + super().chain()

class Diamond(Left, Right):
    def chain(self):
        return ["Diamond"] + super().chain()

class Diamond2(Right, Left):
    pass

def mro(cls):
    return [c.__name__ for c in cls.__mro__]

print(mro(Diamond))
print(mro(Diamond2))
print(Diamond().who(), Diamond2().who())
print(Diamond().chain())
print(Diamond2().chain())
print(Left().chain())

# Cooperative __init__: each class calls super().__init__ once, Base runs once.
class Root:
    def __init__(self, log):
        log.append("Root")

class A(Root):
    def __init__(self, log):
        log.append("A")
        super().__init__(log)

class B(Root):
    def __init__(self, log):
        log.append("B")
        super().__init__(log)

class C(A, B):
    def __init__(self, log):
        log.append("C")
        super().__init__(log)

log = []
C(log)
print(log, mro(C))

# The textbook C3 example.
class O: pass
class F(O): pass
class E(O): pass
class D(O): pass
class Z1(F, E): pass
class Z2(D, E): pass
class K(Z1, Z2): pass
print(mro(K))

# Attribute lookup follows the MRO, not depth-first.
class P:
    x = "P"
class Q(P):
    pass
class R(P):
    x = "R"
class S(Q, R):
    pass
print(S.x, mro(S))

# Mixins add behaviour from the side.
class ReprMixin:
    def __repr__(self):
        items = [k + "=" + repr(v) for k, v in vars(self).items()]
        return type(self).__name__ + "(" + ", ".join(items) + ")"

class EqMixin:
    def __eq__(self, other):
        return type(self) is type(other) and vars(self) == vars(other)

class Point(ReprMixin, EqMixin):
    def __init__(self, x, y):
        self.x = x
        self.y = y

print(Point(1, 2), Point(1, 2) == Point(1, 2), Point(1, 2) == Point(2, 1))
print(mro(Point))
print(Point.__bases__ == (ReprMixin, EqMixin))

# An inconsistent order is rejected when the class is created.
try:
    class Bad(Base, Left):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Twice(Base, Base):
        pass
except TypeError as e:
    print("TypeError:", e)

# isinstance sees every class in the MRO.
d = Diamond()
print([isinstance(d, c) for c in (Diamond, Left, Right, Base, object, Diamond2)])
print(issubclass(Diamond, (Diamond2, Right)), issubclass(Diamond2, Diamond))
