# default parameter values: evaluated once at def time, overridable, mixed with positional.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ada"))
print(greet("Ada", "Hi"))
print(greet("Ada", "Hey", "?"))
def power(base, exp=2):
    return base ** exp
print(power(3), power(3, 3), power(2, 0))
N = 10
def scaled(x, factor=N):
    return x * factor
N = 100
print(scaled(2), scaled(2, N))
def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket
print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))
def safe_append(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket
print(safe_append(1), safe_append(2))
def box(value, left="[", right="]"):
    return left + str(value) + right
print(box(5), box(5, "<"), box(5, "<", ">"))
def rng(start, stop=None, step=1):
    if stop is None:
        start, stop = 0, start
    out = []
    i = start
    while (step > 0 and i < stop) or (step < 0 and i > stop):
        out.append(i)
        i += step
    return out
print(rng(4), rng(2, 6), rng(10, 0, -3))
def defaults_of_all_kinds(a=1, b=2.5, c="s", d=None, e=(1, 2), f=True):
    return [a, b, c, d, e, f]
print(defaults_of_all_kinds())
print(defaults_of_all_kinds(0, 0, 0))
lam = lambda x, y=10: x + y
print(lam(1), lam(1, 2))
def counter(n, step=1, acc=0):
    if n == 0:
        return acc
    return counter(n - 1, step, acc + step)
print(counter(5), counter(5, 3))
