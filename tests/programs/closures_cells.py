# Closures: inner functions reading variables of the enclosing call, one cell
# per call, cells shared between several inner functions, nonlocal for
# rebinding, counter factories, and cells seen through __closure__.
def make_multiplier(k):
    def multiply(x):
        return x * k
    return multiply

double = make_multiplier(2)
triple = make_multiplier(3)
print(double(5), triple(5), double(triple(1)))
print(len(double.__closure__), double.__closure__[0].cell_contents, triple.__closure__[0].cell_contents)
print(make_multiplier.__closure__, type(double.__closure__).__name__, type(double.__closure__[0]).__name__)

# A counter factory: each call to make_counter has its own count.
def make_counter(start=0):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment

c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c1(), c2(10))

# Two closures sharing one cell see each other's writes.
def make_account(balance):
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance

    def get():
        return balance
    return deposit, get

deposit, get = make_account(10)
deposit(5)
deposit(20)
print(get(), deposit.__closure__[0] is get.__closure__[0])

# The cell is read at call time, not when the inner function is made.
def late():
    value = "before"

    def read():
        return value
    value = "after"
    return read

print(late()())

# Three levels: the innermost function reads from both enclosing scopes.
def outer(a):
    def middle(b):
        def inner(c):
            return a + b + c
        return inner
    return middle

print(outer(1)(20)(300), outer("x")("y")("z"))

# nonlocal reaches the nearest enclosing function that binds the name.
def nesting():
    x = "outer x"

    def level1():
        x = "level1 x"

        def level2():
            nonlocal x
            x = "changed by level2"
        level2()
        return x
    result = level1()
    return result, x

print(nesting())

# Without nonlocal, assignment makes a new local, and reading it first fails.
def broken_counter():
    count = 0

    def inc():
        count += 1
        return count
    return inc

try:
    broken_counter()()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

# Closures over loop state and a list (mutating needs no nonlocal).
def make_logger():
    lines = []

    def log(msg):
        lines.append(str(len(lines) + 1) + ": " + msg)
        return lines
    return log

log = make_logger()
log("start")
print(log("stop"))

# A closure over a parameter with a default, and lambdas as closures.
def adders(n):
    return [lambda x, i=i: x + i * n for i in range(3)]

print([f(100) for f in adders(10)])
compose = lambda f, g: lambda x: f(g(x))
print(compose(double, triple)(7), compose(str, len)("hello"))
