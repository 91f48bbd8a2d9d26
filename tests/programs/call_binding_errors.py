# Argument passing corner cases: ** before and after keywords, positional-
# only parameters (and their names passed on to **kwargs), * and ** into
# built-ins and lambdas, starred targets in assignments and loops, and the
# TypeError/ValueError wording for each way a call or an unpacking fails.
def kw(**k): return k
print(kw(**{"a": 1}, b=2), kw(b=2, **{"a": 1}))
def pk(a, b, /, c): return a, b, c
print(pk(1, 2, 3), pk(1, 2, c=3))
def pkw(a, /, **kw): return a, kw
print(pkw(1, a=2))
print(max(*[1, 5, 3]), print(*"abc", sep="-"))
f = lambda *a, **k: (a, k)
print(f(*(1, 2), *[3], x=1, **{"y": 2}))
lst = [1, 2, 3]
print(*lst)
a, *b = range(3); print(a, b)
[x, [y, *z]] = [1, [2, 3, 4]]; print(x, y, z)
for i, *r in [(1,), (2, 3)]: print(i, r)
d = {**{"a": 1}, "b": 2, **{"a": 3}}; print(d)
t = (*"ab", 1); print(t)
def g2(*, a): return a
try: g2(1)
except TypeError as e: print(e)
try: g2()
except TypeError as e: print(e)
def g3(a, b, *, c, d): pass
try: g3()
except TypeError as e: print(e)
try: g3(1, 2)
except TypeError as e: print(e)
def g4(a=1, *, b): pass
try: g4(1, 2, 3, b=1)
except TypeError as e: print(e)
try: g4(1, 2)
except TypeError as e: print(e)
def g5(a, b=1, c=2): pass
try: g5()
except TypeError as e: print(e)
try: g5(1, 2, 3, 4)
except TypeError as e: print(e)
def g6(): pass
try: g6(1)
except TypeError as e: print(e)
try: g6(a=1)
except TypeError as e: print(e)
def g7(a, b, c, d): pass
try: g7(1)
except TypeError as e: print(e)
try: (lambda: 0)(*[1])
except TypeError as e: print(e)
try: [].append(*5)
except TypeError as e: print(e)
try: int(*5)
except TypeError as e: print(e)
try: a, *b, c = [1]
except ValueError as e: print(e)
try: a, *b = 5
except TypeError as e: print(e)
