# dataclasses: generated __init__/__repr__/__eq__, defaults and
# default_factory, order, frozen, __post_init__, fields/asdict/astuple/replace.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError
from typing import List, Optional


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1)
q = Point(1, 0)
print(p, q, p == q, p != Point(2, 3), Point(y=5, x=4))
print(Point.__annotations__ == {"x": int, "y": int}, Point.y, is_dataclass(p), is_dataclass(Point), is_dataclass(3))


@dataclass
class Inventory:
    name: str
    items: List[str] = field(default_factory=list)
    count: int = field(default=0, repr=False)
    note: Optional[str] = None


a = Inventory("a")
b = Inventory("b")
a.items.append("apple")
print(a, b, a.count, [f.name for f in fields(Inventory)])
print(asdict(a), astuple(b))


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)


vs = [Version(1, 2, "x"), Version(0, 9), Version(1, 0, "y"), Version(1, 2, "z")]
print(sorted(vs), Version(1, 2) == Version(1, 2, "other"), Version(1, 0) < Version(1, 1), max(vs))


@dataclass(frozen=True)
class Color:
    r: int
    g: int
    b: int

    def hex(self):
        return "#%02x%02x%02x" % (self.r, self.g, self.b)


c = Color(255, 128, 0)
print(c, c.hex(), hash(c) == hash(Color(255, 128, 0)), {c: "orange"}[Color(255, 128, 0)])
try:
    c.r = 0
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(replace(c, g=0), c)


@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False)

    def __post_init__(self):
        self.area = self.w * self.h


r = Rect(2, 3.5)
print(r, r.area)


@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)

    def total(self):
        return self.value + sum(child.total() for child in self.children)


tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree.total(), asdict(tree))


@dataclass
class Employee(Point):
    name: str = "anon"


e = Employee(1, 2, "eve")
print(e, [f.name for f in fields(e)], e == Employee(1, 2, "eve"))
try:
    Point()
except TypeError as ex:
    print("TypeError:", ex)
try:
    Point(1, 2, 3)
except TypeError as ex:
    print("TypeError:", ex)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as ex:
    print("ValueError:", ex)
print(Point.__eq__ is not object.__eq__, Point.__hash__)
