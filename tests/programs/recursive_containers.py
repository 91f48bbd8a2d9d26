# Containers that contain themselves print as [...] and {...} instead of
# recursing forever; a very deeply nested (but not cyclic) list makes repr
# raise RecursionError, which is caught and reported by type name only.
a = [1, 2]
a.append(a)
print(a, len(a), a[2] is a, a[2][2][2][0])
print(repr(a), str(a))

d = {"name": "root"}
d["self"] = d
print(d, len(d), d["self"]["self"]["name"])

# Mutual recursion between two containers.
x = [1]
y = [2, x]
x.append(y)
print(x, y)
parent = {"children": []}
child = {"parent": parent}
parent["children"].append(child)
print(parent)
print(child)

# A tuple that holds a list that holds the tuple.
holder = []
t = (0, holder)
holder.append(t)
print(t, holder)

# Self-reference inside nested structures.
outer = [[], {}]
outer[0].append(outer)
outer[1]["back"] = outer
print(outer)

# The same object twice (not a cycle) prints in full both times.
shared = [9]
twice = [shared, shared, (shared,)]
print(twice)

# == on self-referential lists: identity shortcut makes a == a True.
print(a == a, a in a, d == d)

# Deep nesting without a cycle: repr recurses once per level.
deep = []
for _ in range(100000):
    deep = [deep]
try:
    repr(deep)
    print("repr succeeded")
except RecursionError as e:
    print("repr:", type(e).__name__)  # subset-ok
try:
    str(deep)
    print("str succeeded")
except RecursionError as e:
    print("str:", type(e).__name__)  # subset-ok

# Moderate nesting prints fine.
nested = []
for _ in range(5):
    nested = [nested]
print(nested, len(repr(nested)))
nd = {}
for k in range(4):
    nd = {k: nd}
print(nd)

# The program continues normally after the RecursionError.
count = 0
walker = deep
while walker:
    walker = walker[0]
    count += 1
print("depth", count)

# Breaking the cycle restores ordinary printing.
a.pop()
d.pop("self")
print(a, d)
