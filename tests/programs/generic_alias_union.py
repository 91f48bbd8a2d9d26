# Subscripted built-in types and `X | Y` between types, as annotations
# write them (PEP 585, PEP 604).
print(list[int], dict[str, list[int]], tuple[int, ...], set[str], frozenset[bytes], type[int])
print(tuple[()], list[list[float]])
alias = list[int]
print(alias(), alias("ab"), alias.__origin__, alias.__args__, dict[str, int].__args__)
print(list[int] == list[int], list[int] == list[str], hash(list[int]) == hash(list[int]))
print(int | None, str | int | None, int | str == str | int, (int | None).__args__)
print(int | int, list[int] | None)


class Node:
    pass


print(list[Node], Node | None)


def describe(values: list[int] | None = None, lookup: dict[str, "Node"] | None = None) -> tuple[int, ...]:
    return tuple(values or [])


print(describe([1, 2]), describe.__annotations__["values"], describe.__annotations__["return"])
try:
    int | "str"
except TypeError as e:
    print("TypeError:", e)
