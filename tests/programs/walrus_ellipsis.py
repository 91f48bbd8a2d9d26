# The assignment expression (PEP 572) and the Ellipsis literal.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)

values = iter(data)
while (v := next(values, None)) is not None:
    print("value", v)

print([y for x in data if (y := x * 2) > 6], y)
print([last := x for x in data], last)
totals = [running := 0]
for x in data:
    totals.append(running := running + x)
print(totals, running)


def first_big(xs):
    if any((hit := x) > 5 for x in xs):
        return hit
    return None


print(first_big(data), first_big([1, 2]))


def counter():
    count = 0
    seen = [(count := count + 1) for _ in range(4)]
    return seen, count


print(counter())
print((z := 10), z)
print(f"{(w := 3) * 2} {w}")
print(max(data, key=lambda q: (r := q % 5)), r if False else "r is local to the lambda")


class Config:
    values = [1, 2, 3]


print(...)
print(Ellipsis, ... is Ellipsis, type(...).__name__, repr(...), str(...))


def todo():
    ...


print(todo())
grid = [[1, 2], [3, 4]]
print(bool(...), [..., 1], {...: "dots"})
