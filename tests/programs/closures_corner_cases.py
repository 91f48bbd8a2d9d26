# Closure corner cases: deleting a cell variable (del x, and del through
# nonlocal), reading a deleted free variable (NameError wording), recursive
# inner functions, closures over every parameter kind, fresh cells per
# comprehension run, shadowing by a comprehension variable, an except-as
# name captured then unbound, and __qualname__/__defaults__/__kwdefaults__.
def outer():
    x = 1
    def g():
        return x
    del x
    try:
        g()
    except NameError as e:
        print("NameError:", e)
    x = 5
    print(g())
    def h():
        nonlocal x
        del x
    h()
    try:
        print(x)
    except NameError as e:
        print(type(e).__name__, e)
outer()

def fact():
    def f(n):
        return 1 if n <= 1 else n * f(n - 1)
    return f
print(fact()(10))

def params_cells(a, b=2, *args, c, d=4, **kw):
    return lambda: (a, b, args, c, d, kw)
print(params_cells(1, c=3)())
print(params_cells(1, 2, 3, 4, c=5, z=6)())

def gen_adders():
    return {k: (lambda v: lambda: v + k)(k) for k in range(3)}
print({k: f() for k, f in gen_adders().items()})

def loop_comp():
    out = []
    for j in range(2):
        out.append([lambda: i + j for i in range(3)])
    return [[f() for f in fs] for fs in out]
print(loop_comp())

def shadow():
    x = "outer"
    r = [x for x in range(2)]
    return x, r, (lambda: x)()
print(shadow())

def nested_comp(n):
    return [[(i, j, n) for j in range(i)] for i in range(n)]
print(nested_comp(3))

def exc_cell():
    try:
        raise ValueError("v")
    except ValueError as e:
        f = lambda: e
        print(f())
    try:
        f()
    except NameError as err:
        print(type(err).__name__, err)
exc_cell()

print((lambda: 0).__qualname__, params_cells.__name__)
def deco(f):
    return f
@deco
def dd(): pass
print(dd.__qualname__, dd.__name__)
print(params_cells.__defaults__, params_cells.__kwdefaults__)
def q(): 
    def r(): pass
    return r
print(q().__qualname__, repr(q())[:25])

