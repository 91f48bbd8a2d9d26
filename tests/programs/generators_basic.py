# Generator functions: lazy bodies, next(), for loops, return values,
# locals kept between yields, several generators at once, recursion.
def count_up(n):
    print("start")
    i = 0
    while i < n:
        yield i
        i += 1
    print("end")
    return "finished"


g = count_up(3)
print(type(g).__name__, g.__name__, g.__qualname__)
print("created, nothing ran yet")
print(next(g))
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("again:", e.value, e.args)
print(next(g, "default"))

for x in count_up(2):
    print("loop", x)


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(10)])


def interleave(a, b):
    ga, gb = iter(a), iter(b)
    for x in ga:
        yield x
        yield next(gb)


print(list(interleave([1, 2, 3], "abc")))


def tree(depth):
    if depth == 0:
        yield "leaf"
        return
    for child in tree(depth - 1):
        yield "(" + child + ")"
    yield "node" + str(depth)


print(list(tree(3)))


def empty():
    return
    yield


print(list(empty()), list(empty()) == [])


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        n = self.n
        while n > 0:
            yield n
            n -= 1


c = Countdown(4)
print(list(c), list(c), sorted(c), 3 in c, 7 in c)


def with_closure(k):
    def gen(xs):
        for x in xs:
            yield x * k
    return gen


print(list(with_closure(10)([1, 2, 3])))
g = count_up(1)
print(iter(g) is g, g.gi_running, g.gi_frame is None)
for _ in g:
    pass
print(g.gi_frame is None)
print(repr(g).startswith("<generator object count_up at 0x"))
print(repr(with_closure(2)([])).startswith("<generator object with_closure.<locals>.gen at 0x"))
