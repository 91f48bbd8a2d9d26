# name resolution: locals, globals, builtins, parameters shadowing globals, nested defs without closures.
x = "global x"
def read_global():
    return x
def local_shadow():
    x = "local x"
    return x
def param_shadow(x):
    return x
print(read_global(), local_shadow(), param_shadow("param x"), x)
def uses_builtin():
    return len("four")
def shadows_builtin():
    len = lambda s: 99
    return len("four")
print(uses_builtin(), shadows_builtin(), len("four"))
def outer():
    def helper(v):
        return v * 2
    y = helper(21)
    return y
print(outer())
try:
    print(helper(1))
except NameError as e:
    print("nested def is local:", e)
counter = 0
def bump():
    global counter
    counter += 1
def make_helper_uses_global():
    def inner():
        return counter + 100
    return inner()
bump()
bump()
print(counter, make_helper_uses_global())
for loop_var in range(3):
    pass
print("loop variable leaks:", loop_var)
if True:
    block_var = "blocks do not create scopes"
print(block_var)
def loop_in_function():
    for i in range(4):
        last = i * i
    return i, last
print(loop_in_function())
result = [n * 2 for n in range(3)]
try:
    print(n)
except NameError as e:
    print("comprehension variable does not leak:", e)
def recursive_local(n):
    acc = n
    if n > 0:
        acc += recursive_local(n - 1)
    return acc
print(recursive_local(10))
def redefine():
    return 1
first = redefine()
def redefine():
    return 2
print(first, redefine())
a = 1
def chain():
    b = a + 1
    def inner2(c):
        return c + a
    return inner2(b)
print(chain())
