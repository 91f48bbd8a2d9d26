# isinstance with int float str bool list tuple dict, incl. bool being an int.
values = [1, -5, 2.5, "s", "", True, None, [1], (), {}, [], (1, 2), {"a": 1}]
for v in values:
    kinds = []
    if isinstance(v, bool):
        kinds.append("bool")
    if isinstance(v, int):
        kinds.append("int")
    if isinstance(v, float):
        kinds.append("float")
    if isinstance(v, str):
        kinds.append("str")
    if isinstance(v, list):
        kinds.append("list")
    if isinstance(v, tuple):
        kinds.append("tuple")
    if isinstance(v, dict):
        kinds.append("dict")
    print(repr(v), kinds)
def describe(x):
    if isinstance(x, bool):
        return "a bool"
    elif isinstance(x, int):
        return "an int"
    elif isinstance(x, float):
        return "a float"
    elif isinstance(x, str):
        return "a string of length " + str(len(x))
    elif isinstance(x, list) or isinstance(x, tuple):
        return "a sequence of " + str(len(x))
    elif isinstance(x, dict):
        return "a mapping with keys " + str(list(x))
    return "something else"
for v in [False, 3, 3.0, "three", [3], (3, 3), {"three": 3}, None]:
    print(describe(v))
def total(x):
    if isinstance(x, int):
        return x
    s = 0
    for item in x:
        s += total(item)
    return s
print(total([1, [2, 3], (4, [5, (6,)])]))
print(isinstance(1.0, int), isinstance(1, float), isinstance("1", int))
print(isinstance(int("5"), int), isinstance(str(5), str), isinstance(5 / 1, float))
print(isinstance(5 // 1, int), isinstance(5.0 // 1, float), isinstance(2 ** -1, float))
