# for loops over dicts, keys(), values(), items(); modifying values while iterating keys.
ages = {"ann": 31, "bob": 25, "cid": 47}
for name in ages:
    print(name, ages[name])
for name in ages.keys():
    print("key", name)
for age in ages.values():
    print("value", age)
for name, age in ages.items():
    print(name, "is", age)
for item in ages.items():
    print(item, item[0], item[1])
for name in ages:
    ages[name] += 1
print(ages)
oldest = None
for name, age in ages.items():
    if oldest is None or age > ages[oldest]:
        oldest = name
print("oldest", oldest)
matrix = {(0, 0): 1, (0, 1): 2, (1, 0): 3, (1, 1): 4}
for (r, c), v in matrix.items():
    print(r, c, v)
nested = {"fruits": ["apple", "pear"], "veg": ["kale"], "none": []}
for kind, things in nested.items():
    if not things:
        print(kind, "is empty")
        continue
    for t in things:
        print(kind, t)
total = 0
for v in {"a": 1, "b": 2, "c": 3}.values():
    total += v
print(total)
inverted = {}
for k, v in {"x": 1, "y": 2, "z": 1}.items():
    inverted.setdefault(v, []).append(k)
print(inverted)
for k in {}:
    print("never")
else:
    print("empty dict loop done")
for k, v in sorted({"b": 2, "a": 1, "c": 0}.items()):
    print(k, v)
