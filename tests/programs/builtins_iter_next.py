# iter() and next(): getting iterators from built-in containers, next() with
# and without a default, partial consumption, iter(callable, sentinel), and
# the errors for non-iterables and non-iterators.
it = iter([10, 20, 30])
print(next(it))
print(next(it), next(it))
print(next(it, "default"), next(it, None), next(it, 0))
try:
    next(it)
except StopIteration:
    print("StopIteration after the end")

# Partial consumption: a for loop continues where next() left off.
words = iter(["header", "a", "b", "c"])
title = next(words)
rest = [w.upper() for w in words]
print(title, rest)

# Iterating strings, tuples, dicts (keys), dict views, ranges.
print(next(iter("xyz")), next(iter((7, 8))), next(iter({"k1": 1, "k2": 2})))
items = iter({"a": 1, "b": 2}.items())
print(next(items), next(items), next(items, "no more"))
r = iter(range(5, 100, 10))
print(next(r), next(r), list(r))
vals = iter({"x": [1]}.values())
print(next(vals))

# Two iterators over the same list are independent.
data = [1, 2, 3]
i1 = iter(data)
i2 = iter(data)
print(next(i1), next(i1), next(i2))

# A list iterator sees appends made while iterating.
grow = [1]
g = iter(grow)
print(next(g))
grow.append(2)
print(next(g), next(g, "end"))

# zip over the same iterator twice pairs up consecutive items.
flat = iter([1, 2, 3, 4, 5, 6])
print(list(zip(flat, flat)))

# iter(callable, sentinel) calls until the sentinel is returned.
queue = [5, 4, 3, 0, 9]
def take():
    return queue.pop(0)

print(list(iter(take, 0)), queue)
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]

print(list(iter(tick, 4)), counter)

# Reading "lines" until an empty one.
lines = ["first", "second", "", "after blank"]
reader = iter(lambda: lines.pop(0), "")
for line in reader:
    print("line:", line)
print("left:", lines)

# Errors.
for value in [5, None, 2.5]:
    try:
        iter(value)
    except TypeError as e:
        print("TypeError:", e)
for value in [[1], "s", range(2)]:
    try:
        next(value)
    except TypeError as e:
        print("TypeError:", e)
try:
    iter(5, 0)
except TypeError as e:
    print("TypeError:", e)

# A manual for loop: iter, then next until StopIteration.
def manual_sum(iterable):
    total = 0
    walker = iter(iterable)
    while True:
        try:
            value = next(walker)
        except StopIteration:
            break
        total += value
    return total

print(manual_sum([1, 2, 3]), manual_sum(range(10)), manual_sum({4: "a", 5: "b"}))
