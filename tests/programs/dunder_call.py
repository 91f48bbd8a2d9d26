# Callable objects: __call__ on instances, callable() on every kind of value,
# classes as callables, and call errors reported with the method's name.
class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x):
        return x + self.n

add5 = Adder(5)
print(add5(10), add5(-5), list(map(add5, [1, 2, 3])))

class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return (self.calls, args, sorted(kwargs.items()))

c = Counter()
print(c())
print(c(1, 2))
print(c(x=1, a=2))
print("calls", c.calls)

# A callable object as a sort key and as a memoizer.
class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
        self.misses = 0

    def __call__(self, n):
        if n not in self.cache:
            self.misses += 1
            self.cache[n] = self.fn(n)
        return self.cache[n]

def slow_square(n):
    return n * n

sq = Memo(slow_square)
print([sq(i % 3) for i in range(9)], "misses", sq.misses)

class ByLength:
    def __call__(self, s):
        return (len(s), s)

print(sorted(["ccc", "a", "bb", "aa"], key=ByLength()))

# callable() on many kinds of values.
def f():
    pass

class NoCall:
    pass

values = [("function", f), ("lambda", lambda: 1), ("builtin", len), ("class", NoCall),
          ("instance", NoCall()), ("callable instance", add5), ("int", 3), ("str", "s"),
          ("bound method", add5.__call__), ("type", type), ("None", None), ("list", [f])]
for name, v in values:
    print(name, callable(v))

# Calling a non-callable.
try:
    NoCall()()
except TypeError as e:
    print("TypeError:", e)
three = 3
try:
    three()
except TypeError as e:
    print("TypeError:", e)
try:
    add5()
except TypeError as e:
    print("TypeError:", e)
try:
    add5(1, 2)
except TypeError as e:
    print("TypeError:", e)

# __call__ is looked up on the type, not on the instance.
obj = NoCall()
obj.__call__ = lambda: "instance attribute"
print(callable(obj), obj.__call__())
try:
    obj()
except TypeError as e:
    print("TypeError:", e)

# Classes are callable because their type (type) defines __call__.
print(callable(Adder), type(Adder(1)).__name__, Adder.__call__(add5, 1))
