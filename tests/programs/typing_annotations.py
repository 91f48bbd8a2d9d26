# Annotations run as in CPython: parameter and return annotations are
# accepted, variable annotations bind and fill __annotations__ at module and
# class level; typing's names can be subscripted.
from typing import (Any, Callable, Dict, Generator, Iterable, Iterator, List, Optional,
                    Set, Tuple, TypeVar, Union, Generic, cast)
import typing

T = TypeVar("T")
count: int = 0
names: List[str] = ["a", "b"]
pending: Dict[str, int]
print(__annotations__)
print(count, names)


def total(values: Iterable[int], start: int = 0, *rest: int, scale: float = 1.0, **extra: Any) -> float:
    result: float = start
    for v in values:
        result += v
    return result * scale


print(total([1, 2, 3]), total(range(4), 10, scale=0.5))


def first(items: List[T]) -> Optional[T]:
    return items[0] if items else None


def apply(fn: Callable[[int], int], x: int) -> int:
    return fn(x)


def pairs(n: int) -> Iterator[Tuple[int, int]]:
    for i in range(n):
        yield i, i * i


def gen() -> Generator[int, None, None]:
    yield 1


print(first([3, 4]), first([]), apply(lambda v: v * 2, 21), list(pairs(3)), list(gen()))


class Stack(Generic[T]):
    items: List[T]
    limit: int = 10

    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


s = Stack()
s.push(1)
s.push(2)
print(s.pop(), s.items, Stack.limit, Stack.__annotations__["limit"])
lookup: Dict[str, Union[int, str]] = {"a": 1, "b": "two"}
maybe: Optional[int] = None
seen: Set[int] = set()
print(lookup, maybe, seen, cast(int, "not checked"))
print(List[int], Dict[str, int], Optional[int] is not None, T)
print(typing.List is List, Any)
