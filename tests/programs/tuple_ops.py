# tuples: literals, indexing, slicing, unpacking, + *, len, in, nesting.
t = (1, 2, 3)
print(t, t[0], t[-1], len(t))
single = (5,)
print(single, len(single), (), len(()))
no_parens = 4, 5, 6
print(no_parens)
print(t + (4, 5), t * 2, () + (), (0,) * 3)
print(2 in t, 7 in t, 7 not in t)
a, b, c = t
print(a, b, c)
nested = ((1, 2), (3, 4), ("x", ("y", "z")))
print(nested[2][1][0], nested[1])
for x, y in nested[:2]:
    print(x + y)
point = (3, 4)
x, y = point
print(x * x + y * y)
def min_max(xs):
    return min(xs), max(xs)
lo, hi = min_max([5, 3, 9, 1])
print(lo, hi, min_max([2]))
result = min_max([7, 8])
print(result, result[0], result[1])
print(tuple([1, 2, 3]), tuple("ab"), tuple(), tuple(range(3)))
print((1, "a", None, 2.5, [1, 2]))
print(t == (1, 2, 3), t != (1, 2), (1, 2) == [1, 2])
pairs = [(1, "one"), (2, "two"), (3, "three")]
for num, name in pairs:
    print(num, name)
print(t[::-1], t[1:])
tup = (10, 20, 30)
total = 0
for v in tup:
    total += v
print(total, sum(tup), max(tup), min(tup))
print(((1,),), ((),), (((),),))
print(len((1, (2, 3), [4, 5, 6])))
coords = [(0, 0), (1, 2), (3, 1)]
print(coords[1][1], coords[-1][0])
swap = (1, 2)
swap = (swap[1], swap[0])
print(swap)
