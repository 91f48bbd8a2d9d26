# conditional expressions: nesting, laziness, inside calls, comprehensions and f-strings.
for n in [-3, 0, 4]:
    print(n, "negative" if n < 0 else "zero" if n == 0 else "positive")
def safe_div(a, b):
    return a / b if b != 0 else None
print(safe_div(10, 4), safe_div(1, 0))
calls = []
def mark(v):
    calls.append(v)
    return v
r = mark("yes") if True else mark("no")
print(r, calls)
r = mark("yes") if False else mark("no")
print(r, calls)
x = 7
print((x if x > 5 else 0) + 1, x if x > 10 else -x)
print([("even" if i % 2 == 0 else "odd") for i in range(4)])
print(f"{x} is {'big' if x > 5 else 'small'}")
print(max(1, 2) if [] else min(1, 2))
abs_val = lambda v: v if v >= 0 else -v
print(abs_val(-8), abs_val(3))
label = "none" if not {} else "some"
print(label)
y = None
z = y if y is not None else "fallback"
print(z)
print(1 if 1 else 2 if 0 else 3, (1 if 0 else 2) if 0 else 3)
def fizz(n):
    return "FizzBuzz" if n % 15 == 0 else "Fizz" if n % 3 == 0 else "Buzz" if n % 5 == 0 else str(n)
print(" ".join([fizz(i) for i in range(1, 16)]))
