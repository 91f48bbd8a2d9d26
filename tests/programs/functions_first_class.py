# functions as values: passed, returned (without closures), stored in lists and dicts, dispatch tables.
def add(a, b):
    return a + b
def sub(a, b):
    return a - b
def mul(a, b):
    return a * b
def pick(name):
    if name == "add":
        return add
    if name == "sub":
        return sub
    return mul
for name in ["add", "sub", "mul"]:
    f = pick(name)
    print(name, f(7, 3))
def map_list(f, xs):
    return [f(x) for x in xs]
def filter_list(pred, xs):
    return [x for x in xs if pred(x)]
def reduce_list(f, xs, start):
    acc = start
    for x in xs:
        acc = f(acc, x)
    return acc
nums = list(range(1, 11))
print(map_list(lambda n: n * n, nums))
print(filter_list(lambda n: n % 3 == 0, nums))
print(reduce_list(add, nums, 0), reduce_list(mul, nums, 1))
print(reduce_list(lambda a, b: a if a > b else b, [3, 9, 2, 7], 0))
print(map_list(str, [1, 2.5, None]), map_list(len, ["a", "bb", ""]), map_list(abs, [-1, 2, -3]))
dispatch = {"+": add, "-": sub, "*": mul, "max": max, "min": min}
for op in dispatch:
    print(op, dispatch[op](6, 4))
def twice(f, x):
    return f(f(x))
def inc(n):
    return n + 1
print(twice(inc, 5), twice(lambda s: s + s, "ab"), twice(inc, twice(inc, 0)))
handlers = []
def register(f):
    handlers.append(f)
    return f
register(inc)
register(lambda n: n * 10)
register(str)
value = 4
for h in handlers:
    value = h(value)
print(repr(value))
def apply_all(fs, x):
    return [f(x) for f in fs]
print(apply_all([inc, abs, str, float, bool], -3))
print([f(10, 2) for f in sorted([add, sub, mul], key=lambda f: f(10, 2))])
