# functools: partial, reduce, wraps, lru_cache/cache, cached_property,
# total_ordering, cmp_to_key, singledispatch.
import functools
from functools import (cache, cached_property, cmp_to_key, lru_cache, partial, reduce,
                       singledispatch, total_ordering, wraps)
import operator

print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(max, [3], 0))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)


def power(base, exp, *, mod=None):
    return base ** exp if mod is None else pow(base, exp, mod)


square = partial(power, exp=2)
cube_mod = partial(power, exp=3, mod=5)
print(square(7), cube_mod(4), partial(square, 3)(), square.func is power, square.args, square.keywords)
print(partial(int, base=2)("1011"), repr(partial(max, 1, 2)), repr(partial(power, 2, mod=7)).startswith("functools.partial(<function power"))
nested = partial(partial(power, 2), 10)
print(nested(), nested.args)


def logged(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        return fn(*args, **kwargs)
    return wrapper


@logged
def greet(name):
    """Say hello."""
    return "hi " + name


print(greet("x"), greet.__name__, greet.__doc__, greet.__wrapped__("y"))

calls = []


@lru_cache(maxsize=2)
def slow(n):
    calls.append(n)
    return n * n


print([slow(i) for i in (1, 2, 1, 3, 2, 1)], calls, slow.cache_info())
slow.cache_clear()
print(slow.cache_info(), slow(4), slow.cache_info().misses)


@cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())


@lru_cache
def plain(x):
    return x + 1


print(plain(1), plain(1), plain.cache_info(), plain.__name__)


@lru_cache(maxsize=None, typed=True)
def typed(x):
    return type(x).__name__


print(typed(1), typed(1.0), typed.cache_info().currsize)


class Circle:
    def __init__(self, r):
        self.r = r
        self.computed = 0

    @cached_property
    def area(self):
        self.computed += 1
        return 3 * self.r * self.r


c = Circle(2)
print(c.area, c.area, c.computed)


@total_ordering
class Version:
    def __init__(self, major, minor):
        self.key = (major, minor)

    def __eq__(self, other):
        return self.key == other.key

    def __lt__(self, other):
        return self.key < other.key

    def __repr__(self):
        return "V%d.%d" % self.key


a, b = Version(1, 2), Version(1, 10)
print(a < b, a > b, a <= b, a >= b, a <= Version(1, 2), sorted([b, a, Version(0, 9)]))


def compare_len_then_text(x, y):
    if len(x) != len(y):
        return len(x) - len(y)
    return (x > y) - (x < y)


print(sorted(["ccc", "a", "bb", "aa", "b"], key=cmp_to_key(compare_len_then_text)))


@singledispatch
def describe(value):
    return "something"


@describe.register(int)
def _(value):
    return "int " + str(value)


@describe.register(list)
def _(value):
    return "list of " + str(len(value))


print(describe(3), describe([1, 2]), describe("s"), describe(True))
