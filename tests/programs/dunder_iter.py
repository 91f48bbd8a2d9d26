# Lesson: iterables versus iterators. An iterable's __iter__ returns a fresh
# iterator each time; an iterator's __iter__ returns itself and __next__ raises
# StopIteration when done, so it can be walked only once.
class CountDown:
    """An iterator: it is its own iterator and gets used up."""

    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

class Countdowns:
    """An iterable: every for loop gets a new CountDown."""

    def __init__(self, start):
        self.start = start

    def __iter__(self):
        return CountDown(self.start)

it = CountDown(3)
print(list(it))
print(list(it), "<- used up")
able = Countdowns(3)
print(list(able))
print(list(able), "<- fresh each time")
print(iter(it) is it, iter(able) is iter(able))

# Nested loops over the same object show the difference.
pairs = []
for a in Countdowns(2):
    for b in Countdowns(2):
        pairs.append((a, b))
print(pairs)
once = CountDown(2)
pairs = []
for a in once:
    for b in once:
        pairs.append((a, b))
print(pairs)

# next() drives an iterator by hand; a default replaces StopIteration.
cd = CountDown(2)
print(next(cd), next(cd), next(cd, "done"), next(cd, None))
try:
    next(cd)
except StopIteration as e:
    print("StopIteration", repr(e.args))

# Built-in containers are iterables; their iterators are separate objects.
nums = [1, 2, 3]
i1 = iter(nums)
i2 = iter(nums)
print(next(i1), next(i1), next(i2), i1 is i2, iter(i1) is i1)
print(list(i1), list(i2), list(i1))
for label, obj in [("list", [1]), ("tuple", (1,)), ("str", "ab"), ("dict", {"k": 1}), ("range", range(2))]:
    i = iter(obj)
    print(label, next(i), iter(i) is i, i is not obj)

# Iterators are consumed by anything that iterates: in, zip, sum, unpacking.
c = CountDown(5)
print(3 in c, list(c))
c = CountDown(4)
print(list(zip(c, c)))
print(sum(CountDown(4)), max(Countdowns(7)), sorted(CountDown(3)))
x, y, z = CountDown(3)
print(x, y, z)

# Objects that are not iterable, and __iter__ returning a non-iterator.
class NotIter:
    pass

class BadIter:
    def __iter__(self):
        return 5

try:
    for _ in NotIter():
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)

# An iterator class with its state in a list.
class Cycle:
    def __init__(self, items, limit):
        self.items = items
        self.limit = limit
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.n >= self.limit:
            raise StopIteration
        self.n += 1
        return self.items[(self.n - 1) % len(self.items)]

print(list(Cycle("abc", 7)), "".join(Cycle("xy", 5)))
