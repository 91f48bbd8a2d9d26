# Generators: a pipeline of generator functions driven by for loops, a
# generator expression consumed by sum(), send() into a coroutine-style
# accumulator, and yield from over nested generators.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 600000


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x


def squares(xs):
    for x in xs:
        yield x * x


def accumulator():
    total = 0
    while True:
        value = yield total
        total += value


def chunk(start, size):
    for i in range(start, start + size):
        yield i


def flatten(n, size):
    for start in range(0, n, size):
        yield from chunk(start, size)


pipeline = 0
for v in squares(evens(count(N))):
    pipeline += v
expression = sum(x * 3 for x in count(N) if x % 3 == 1)
acc = accumulator()
next(acc)
sent = 0
for i in range(N):
    sent = acc.send(i)
delegated = 0
for v in flatten(N, 10):
    delegated += v
print(f"generators {N}: pipeline={pipeline} expression={expression} sent={sent} delegated={delegated}")
