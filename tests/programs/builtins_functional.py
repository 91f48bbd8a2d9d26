# map, filter, any and all: lazy iterators that are used up once, map over
# several iterables (stops at the shortest), filter(None, ...), and the
# short-circuiting of any/all shown with a logging predicate.
squares = map(lambda x: x * x, [1, 2, 3, 4])
print(type(squares).__name__, list(squares), list(squares))
print(list(map(str, range(5))), list(map(len, ["a", "bb", ""])))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20, 30, 40])))
print(list(map(lambda a, b, c: a * b * c, "ab", [1, 2], (3, 3))))
print(list(map(int, "1 2 3".split())), sum(map(int, ["4", "5"])))

evens = filter(lambda n: n % 2 == 0, range(10))
print(type(evens).__name__, list(evens), list(evens))
print(list(filter(None, [0, 1, "", "a", [], [0], None, False, 2.5])))
print(list(filter(str.isdigit, ["1", "x", "22", ""])), list(filter(lambda s: s, "")))

# map and filter are iterators: next() works on them and iter() returns them.
m = map(abs, [-3, -2, -1])
print(next(m), iter(m) is m, list(m), next(m, "empty"))

# Lazy: the function runs only when a value is asked for.
def noisy(x):
    print("  noisy", x)
    return x * 10

lazy = map(noisy, [1, 2, 3])
print("map created, nothing called yet")
print(next(lazy))
print(list(lazy))

# any and all, with short-circuiting.
def check(x):
    print("  check", x)
    return x > 2

print(any(map(check, [1, 3, 5])))
print(all(map(check, [3, 1, 5])))
print(any([]), all([]), any([0, ""]), all([1, "a"]), any("abc"), all([[]]))
print(any([x > 3 for x in [1, 5]]), all([x > 3 for x in [1, 5]]))
print(all([isinstance(v, int) for v in [1, True, 2]]), any([isinstance(v, str) for v in [1, 2.0]]))

# Chaining map and filter.
words = ["apple", "Bob", "kiwi", "Anna", "civic"]
palins = list(filter(lambda w: w.lower() == w.lower()[::-1], words))
print(palins, list(map(str.upper, palins)))
lengths = dict(zip(words, map(len, words)))
print(lengths)

# Errors: not iterable, not callable.
try:
    list(map(len, 5))
except TypeError as e:
    print("TypeError:", e)
try:
    list(map(5, [1]))
except TypeError as e:
    print("TypeError:", e)
try:
    list(filter(len, [1]))
except TypeError as e:
    print("TypeError:", e)
try:
    any(5)
except TypeError as e:
    print("TypeError:", e)
try:
    map(len)
except TypeError as e:
    print("TypeError:", e)
