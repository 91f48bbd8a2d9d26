# Function decorators without functools: wrappers that log and count calls,
# stacked decorators (applied bottom-up, run top-down), decorators taking
# arguments, registration decorators, and any expression as a decorator.
def logged(fn):
    def wrapper(*args, **kwargs):
        print("  calling", fn.__name__, args, sorted(kwargs.items()))
        result = fn(*args, **kwargs)
        print("  " + fn.__name__, "returned", result)
        return result
    return wrapper

@logged
def add(a, b=0):
    return a + b

print(add(2, 3))
print(add(1, b=9))
print("name after decorating:", add.__name__)

# @deco is the same as f = deco(f).
def square(x):
    return x * x
square = logged(square)
print(square(4))

def counted(fn):
    def wrapper(*args):
        wrapper.calls += 1
        return fn(*args)
    wrapper.calls = 0
    wrapper.__name__ = fn.__name__
    return wrapper

@counted
def noop():
    return None

for _ in range(3):
    noop()
print(noop.__name__, "called", noop.calls, "times")  # subset-ok: a function attribute

# Stacked: the decorator nearest the def is applied first.
def tag(name):
    def decorate(fn):
        print("  applying", name)
        def wrapper():
            return "<" + name + ">" + fn() + "</" + name + ">"
        return wrapper
    return decorate

@tag("b")
@tag("i")
def hello():
    return "hello"

print(hello())

# A decorator with arguments: repeat n times, collecting results.
def repeat(n):
    def decorate(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(n)]
        return wrapper
    return decorate

@repeat(3)
def shout(word):
    return word.upper()

print(shout("hey"))

# Registration decorators return the function unchanged.
registry = {}

def register(key):
    def decorate(fn):
        registry[key] = fn
        return fn
    return decorate

@register("+")
def plus(a, b):
    return a + b

@register("*")
def times(a, b):
    return a * b

print(sorted(registry), registry["*"](6, 7), plus(1, 1), registry["+"] is plus)

# A decorator expression can be any expression (3.9+).
decorators = [logged]
@decorators[0]
def neg(x):
    return -x
print(neg(5))
