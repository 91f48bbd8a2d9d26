# yield from: delegation to generators and other iterables, the return
# value, send() and throw() passed through to the inner generator.
def inner(n):
    for i in range(n):
        received = yield i
        if received is not None:
            print("inner received", received)
    return n * 100


def outer():
    result = yield from inner(3)
    print("inner returned", result)
    result2 = yield from inner(1)
    print("second returned", result2)
    return result + result2


print(list(outer()))
o = outer()
print(next(o), o.send("hello"), o.send(None))
try:
    while True:
        print("next", next(o))
except StopIteration as e:
    print("outer returned", e.value)


def from_iterables():
    yield from [1, 2]
    yield from (3, 4)
    yield from "ab"
    yield from range(5, 7)
    yield from {"k": 1, "j": 2}
    x = yield from []
    print("empty list gives", x)


print(list(from_iterables()))


def handler():
    try:
        yield "a"
        yield "b"
    except ValueError as e:
        print("inner handled", e)
        yield "after error"
        return "inner done"
    finally:
        print("inner finally")


def delegator():
    r = yield from handler()
    print("delegator got", r)
    yield "delegator continues"


d = delegator()
print(next(d))
print(d.throw(ValueError("v")))
print(next(d))
try:
    next(d)
except StopIteration:
    print("done")

d2 = delegator()
next(d2)
d2.close()
print("closed through the delegate")


def deep(n):
    if n == 0:
        yield "bottom"
        return 0
    got = yield from deep(n - 1)
    yield "level %d" % n if False else "level " + str(n)
    return got + n


print(list(deep(4)))


def total_of_deep():
    t = yield from deep(3)
    yield t


print(list(total_of_deep()))


class Counter:
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i


def from_class():
    r = yield from Counter()
    print("class iterator returned", r)


print(list(from_class()))
