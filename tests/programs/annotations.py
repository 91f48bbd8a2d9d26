# Annotations are evaluated and recorded as CPython 3.11 does (no
# `from __future__ import annotations`): functions keep theirs in
# __annotations__, modules and classes record annotated names.
count: int = 0
name: str
ratio: float = 0.5
print(__annotations__)
print(count, ratio)
try:
    print(name)
except NameError as e:
    print("NameError:", e)


def area(width: float, height: float = 2.0, *rest: int, scale: "factor" = 1, **opts: dict) -> float:
    return width * height * scale


print(area(3.0), area(1.5, 4, scale=2))
print(area.__annotations__)


def plain(a, b):
    return a + b


print(plain.__annotations__)

order = []


def note(label):
    order.append(label)
    return label


def traced(x: note("x") = note("default")) -> note("return"):
    return x


print(order, traced())


class Point:
    x: int
    y: int = 0
    label: str = "origin"

    def __init__(self, x: int, y: int = 0) -> None:
        self.x = x
        self.y = y

    def norm2(self) -> int:
        total: int = self.x * self.x + self.y * self.y
        return total


p = Point(3, 4)
print(Point.__annotations__, p.norm2(), Point.y, Point.label)
print(hasattr(Point, "x"), "x" in Point.__dict__)


def local_only():
    hint: list
    values: list = [1, 2]
    try:
        print(hint)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    return values


print(local_only())


class Holder:
    pass


h = Holder()
h.value: int = 5
data = {}
data["k"]: str = "v"
print(h.value, data)
items: list[int] = [1, 2, 3]
mapping: dict[str, list[int]] = {"a": [1]}
maybe: "int | None" = None
print(items, mapping, maybe, __annotations__["mapping"])
callback: "Callable[[int], str]" = str
print(callback(5))
for i in range(2):
    total: int = i * 10
print(total, list(__annotations__))
