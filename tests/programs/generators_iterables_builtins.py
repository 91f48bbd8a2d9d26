# Builtins and statements that take an iterable, given generators and
# other iterables, and CPython's errors for things that are not iterable.
def count(n):
    for i in range(n):
        yield i


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return iter(range(self.n, 0, -1))


print(sum(count(4)), min(count(4)), max(count(4)), sorted(count(4), reverse=True))
print(list(count(3)), tuple(count(3)), set(count(3)), frozenset(count(2)) == {0, 1})
print(dict((i, i * i) for i in count(3)), list(zip(count(3), count(4), "abcd")))
print(list(map(str, count(3))), list(filter(None, count(4))), list(enumerate(count(3), 1)))
print(any(x > 2 for x in count(4)), all(x < 9 for x in count(4)), "-".join(str(i) for i in count(4)))
print(sum(Countdown(4)), sorted(Countdown(3)), list(zip(Countdown(2), {"k": 1}.items())))
print(min(count(5), key=lambda x: (x - 2) ** 2), max(count(0), default="empty"), sum(count(3), 10))
print(list(map(lambda a, b: a * b, count(4), Countdown(4))), list(reversed(list(count(3)))))
try:
    reversed(count(3))
except TypeError as e:
    print("TypeError:", e)
a, *b = count(4)
print(a, b)
*c, d = (x * x for x in Countdown(3))
print(c, d)
x, y = count(2)
print(x, y)
try:
    x, y = count(3)
except ValueError as e:
    print("ValueError:", e)
try:
    x, y, z = count(2)
except ValueError as e:
    print("ValueError:", e)
print(2 in count(4), 9 in count(4), 3 in Countdown(3))
g = count(10)
print(3 in g, next(g), list(g))
print([*count(3), *Countdown(2)], {*count(2)})
for bad in (sum, min, max, sorted, list, tuple, set, frozenset, dict, enumerate, any, all, iter):
    try:
        bad(5)
    except TypeError as e:
        print(bad.__name__, "TypeError:", e)
try:
    zip(5)
except TypeError as e:
    print("zip TypeError:", e)
try:
    map(len, 5)
except TypeError as e:
    print("map TypeError:", e)
try:
    filter(None, 5.0)
except TypeError as e:
    print("filter TypeError:", e)
try:
    a, *b = 5
except TypeError as e:
    print("TypeError:", e)
try:
    3 in 5
except TypeError as e:
    print("TypeError:", e)
try:
    for x in None:
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    [*7]
except TypeError as e:
    print("TypeError:", e)
