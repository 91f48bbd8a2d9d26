# def: parameters, return values, early return, implicit None, functions as values.
def add(a, b):
    return a + b
def greet(name):
    print("Hello,", name)
def sign(x):
    if x > 0:
        return 1
    if x < 0:
        return -1
    return 0
def no_return():
    x = 1
print(add(2, 3), add("a", "b"), add([1], [2]), add(1.5, 2))
greet("world")
r = greet("again")
print(r)
print(sign(5), sign(-3), sign(0))
print(no_return())
def apply(f, x):
    return f(x)
def double(x):
    return x * 2
print(apply(double, 21), apply(sign, -9), apply(len, "four"))
ops = {"double": double, "sign": sign}
print(ops["double"](4), ops["sign"](-4))
funcs = [double, sign, abs]
print([f(-3) for f in funcs])
alias = add
print(alias(10, 20), alias is add)
def multi():
    return 1, "two", [3]
a, b, c = multi()
print(a, b, c, multi())
def counter_to(n):
    i = 0
    total = 0
    while True:
        i += 1
        if i > n:
            return total
        total += i
print(counter_to(10), counter_to(0))
def describe(x):
    return "even" if x % 2 == 0 else "odd"
print([describe(i) for i in range(4)])
def local_scope():
    hidden = 42
    return hidden
print(local_scope())
def shadow(print_it):
    len = 5
    return len + print_it
print(shadow(1), len("abc"))
def compose(f, g, x):
    return f(g(x))
print(compose(double, double, 3), compose(str, double, 4) + "!")
def empty_body():
    pass
print(empty_body())
def nested_outer(x):
    def helper(y):
        return y * 10
    return helper(x) + 1
print(nested_outer(4))
