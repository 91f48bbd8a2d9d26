# Methods taken from their type check their first argument, as CPython's
# method descriptors do.
print(str.upper("abc"), str.join("-", ["a", "b"]), list.append)
for call in [lambda: str.upper(5), lambda: str.upper(), lambda: list.append("x", 1), lambda: dict.keys([])]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
