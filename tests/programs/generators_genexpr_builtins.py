# Generator expressions and generators fed to every builtin that takes an
# iterable, and to unpacking, star-arguments and displays.
def gen(n):
    for i in range(n):
        yield i


print(list(x * 2 for x in range(5)))
print(sum(x for x in range(10) if x % 2))
print(sum((x for x in gen(4)), 100))
print(min(x % 7 for x in range(20, 30)), max(gen(6)))
print(min(gen(5), key=lambda v: -v), max((s for s in ["aa", "b", "cccc"]), key=len))
print(sorted(x % 4 for x in range(10)), sorted(gen(5), reverse=True))
print(any(x > 3 for x in gen(5)), any(x > 9 for x in gen(5)))
print(all(x < 5 for x in gen(5)), all(x < 3 for x in gen(5)))
print("-".join(str(x) for x in gen(5)), "".join(c.upper() for c in "abc"))
print(dict((str(k), k) for k in gen(3)), dict(zip(gen(3), "xyz")))
print(set(x % 3 for x in gen(9)), frozenset(gen(3)))
print(tuple(gen(4)), list(gen(0)))
print(list(enumerate(gen(3), 1)), list(zip(gen(3), gen(10), "ab")))
print(list(map(lambda v: v + 1, gen(3))), list(filter(None, gen(4))))
print(list(reversed(list(gen(3)))), len(list(gen(7))))
a, b, *rest = gen(5)
print(a, b, rest)
print(*gen(3), sep=", ")
print([*gen(3), *(x for x in "ab")], {*gen(3)}, (*gen(2),))
l = [9]
l.extend(gen(3))
l += (x for x in gen(2))
print(l)
s = set()
s.update(gen(3))
print(s)
d = {}
d.update((k, k * k) for k in gen(3))
print(d)
print(list(x + y for x in range(3) for y in range(3) if x != y))
print(list((x, y) for x in gen(3) if x for y in "ab"))
nested = (sum(y for y in range(x)) for x in range(5))
print(list(nested))
scale = 10
print(list(x * scale for x in gen(3)))
funcs = list((lambda v=i: v * 2) for i in range(3))
print([f() for f in funcs])
g = (x for x in range(3))
print(next(g), list(g), list(g))
print(repr(x for x in []).startswith("<generator object <genexpr> at 0x"))


def outer():
    base = 5
    return list(base + x for x in range(3))


print(outer())


class K:
    values = [1, 2, 3]
    doubled = list(v * 2 for v in values)


print(K.doubled)
lazy = (1 // x for x in [1, 0])
print(next(lazy))
try:
    next(lazy)
except ZeroDivisionError as e:
    print("raised only when reached:", e)
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError:", e)
print(str(list(x for x in "hi")), " ".join(str(i) for i in range(3)))
