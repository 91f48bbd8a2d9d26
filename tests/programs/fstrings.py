# f-strings: {expr} and {expr:spec} with spec d, .Nf, >N, <N.
name = "Ada"
age = 36
pi = 3.14159265
print(f"Hello, {name}! You are {age} years old.")
print(f"{age + 4} in four years, {age * 12} months")
print(f"pi is about {pi:.2f} or {pi:.4f} or {pi:.0f}")
print(f"[{name:>6}] [{name:<6}] [{age:d}]")
print(f"{'nested'}", f"{name[0]}{name[-1]}", f"{len(name)}")
print(f"{[1, 2, 3]} {(1, 2)} {None} {True} {2.5}")
print(f"no fields", f"")
print(f"{age > 30} {age if age < 18 else 'adult'}")
items = {"pen": 1.5, "book": 12.25, "bag": 30.0}
for item, price in items.items():
    shown = f"{price:.2f}"
    print(f"{item:<6}|{shown:>8}|")
for i in range(1, 4):
    print(f"{i:>3}{i * i:>4}{i ** 3:>5}")
total = 0
for v in items.values():
    total += v
print(f"total={total:.2f} avg={total / len(items):.3f}")
width = 10
print(f"{'x':>10}|{'y':<10}|")
print(f"{name + ' Lovelace'}", f"{name.upper()}", f"{str(age)[::-1]}")
print(f"{-5:d} {-2.5:.1f} {0.125:.2f} {1e16:.1f}")
def square(x):
    return x * x
print(f"{square(7)} {square(1.5)} {square(age) - 1:d}")
values = [3, 1, 2]
print(f"sorted: {sorted(values)}, max: {max(values)}, joined: {'-'.join([str(v) for v in values])}")
print(f"{'a' * 3}{'b' * 2:>5}")
print(f"({age})", f"<{name}>")
print(f"{12:>5}{'end':<5}|")
