# lambda: immediate calls, stored in variables, lists and dicts, defaults, using globals.
square = lambda x: x * x
add = lambda a, b: a + b
print(square(7), add(2, 3), (lambda: "no args")())
print((lambda x, y: x * y)(6, 7))
ops = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
    "//": lambda a, b: a // b,
}
for sym in ops:
    print(7, sym, 2, "=", ops[sym](7, 2))
pipeline = [lambda x: x + 1, lambda x: x * 2, lambda x: x - 3]
v = 5
for step in pipeline:
    v = step(v)
print(v)
offset = 100
shift = lambda x: x + offset
print(shift(1))
offset = 200
print(shift(1))
is_even = lambda n: n % 2 == 0
print([n for n in range(10) if is_even(n)])
classify = lambda n: "neg" if n < 0 else ("zero" if n == 0 else "pos")
print([classify(n) for n in [-2, 0, 3]])
def make_adder_table():
    return [lambda x: x + 1, lambda x: x + 2]
print([f(10) for f in make_adder_table()])
greet = lambda name, greeting="Hi": greeting + " " + name
print(greet("Ada"), greet("Alan", "Hello"), greet(greeting="Yo", name="Bo"))
nested = lambda x: (lambda y: y * 3)(x) + 1
print(nested(4))
print(sorted([(1, "b"), (2, "a")], key=lambda p: p[1]))
first = lambda xs: xs[0] if xs else None
print(first([9, 8]), first([]))
apply_twice = lambda f, x: f(f(x))
print(apply_twice(square, 3), apply_twice(lambda s: s + "!", "hey"))
print((lambda: None)() is None)
