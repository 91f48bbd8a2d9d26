# Containers that hold themselves, directly or through others, print as
# [...], {...} and (...) and are freed when the program ends (the runtime
# clears every cycle left, as CPython's finalisation does).
a = [1, 2]
a.append(a)
print(a, a[2] is a)

d = {"name": "root"}
d["self"] = d
d["list"] = [d, a]
print(d)

t = ([],)
t[0].append(t)
t[0].append(t[0])
print(t)

pair = [[], []]
pair[0].append(pair[1])
pair[1].append(pair[0])
print(pair)

it = iter(a)  # subset-ok
a.append(it)
print(len(a), next(it) == 1)  # subset-ok

view = d.keys()
d["view"] = view
print(len(d), "view" in view)

methods = [a.append, d.get]
a.append(methods)
print(len(a), methods[1]("name"))

try:
    raise KeyError("k")
except KeyError as e:
    caught = e
keep = [caught, a]
keep.append(keep)
print(keep[2][0] is caught, repr(caught), keep[1][2] is a)

# Many small cycles, dropped.
for i in range(10000):
    c = [i]
    c.append(c)
    e = {"i": i}
    e["e"] = e
print("cycles made", c[0], e["i"])
del a, d, t, pair, it, view, methods, caught, keep, c, e
print("done")
