# Class decorators and method decorators: a class decorator receives the class
# and may add methods, wrap __init__, register the class, or replace it with
# something else; method decorators wrap the plain function, so the wrapper
# receives self as its first argument.
def add_describe(cls):
    def describe(self):
        return cls.__name__ + str(sorted(vars(self).items()))
    cls.describe = describe
    return cls

def auto_repr(cls):
    def __repr__(self):
        fields = [k + "=" + repr(v) for k, v in vars(self).items()]
        return cls.__name__ + "(" + ", ".join(fields) + ")"
    cls.__repr__ = __repr__
    return cls

def count_instances(cls):
    original_init = cls.__init__
    def __init__(self, *args, **kwargs):
        cls.created += 1
        original_init(self, *args, **kwargs)
    cls.created = 0
    cls.__init__ = __init__
    return cls

# Stacked class decorators apply bottom-up, like function decorators.
@auto_repr
@count_instances
@add_describe
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
q = Point(y=5, x=4)
print(p, q, Point.created)
print(p.describe(), type(p).__name__, Point.__name__)

# A registry of classes by name.
shapes = {}

def shape(name):
    def decorate(cls):
        shapes[name] = cls
        cls.shape_name = name
        return cls
    return decorate

@shape("sq")
class Square:
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side

@shape("rect")
class Rect:
    def __init__(self, w, h=1):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

print(sorted(shapes), [shapes[k](3).area() for k in sorted(shapes)], Rect.shape_name)

# A class decorator may return something that is not a class at all.
def singleton(cls):
    instances = {}
    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get

@singleton
class Settings:
    def __init__(self, mode):
        self.mode = mode

s1 = Settings("fast")
s2 = Settings("slow")
print(s1 is s2, s1.mode, type(Settings).__name__, type(s1).__name__)

# Method decorators: the wrapper is stored in the class and binds like any function.
def trace_method(fn):
    def wrapper(self, *args):
        print("  method", fn.__name__, "on", type(self).__name__, args)
        return fn(self, *args)
    return wrapper

def returns_self(fn):
    def wrapper(self, *args):
        fn(self, *args)
        return self
    return wrapper

class Calc:
    def __init__(self):
        self.value = 0

    @trace_method
    def mul(self, a, b):
        return a * b

    @returns_self
    def add(self, n):
        self.value += n

print(Calc().mul(3, 4))
c = Calc()
print(c.add(1).add(2).add(3).value, type(Calc.mul).__name__, Calc.mul.__name__)

