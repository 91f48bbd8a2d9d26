# A tuple is immutable, but the objects it holds may not be: a list inside a
# tuple can be changed in place, which also makes the tuple unhashable.
t = (1, [2, 3], "s")
print(t, len(t))
t[1].append(4)
t[1][0] = 20
print(t)
try:
    t[1] = [0]
except TypeError as e:
    print("TypeError:", e)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
print(t)

# Hashing the tuple hashes its elements, so the list makes it unhashable.
try:
    hash(t)
except TypeError as e:
    print("TypeError:", e)
try:
    {t: "value"}
except TypeError as e:
    print("TypeError:", e)
try:
    {(1, 2): "ok", (1, [2]): "bad"}
except TypeError as e:
    print("TypeError:", e)
try:
    {((1, [2]),)}
except TypeError as e:
    print("TypeError:", e)
print(hash((1, (2, 3))) == hash((1, (2, 3))), {(1, (2, 3)): "nested tuples are fine"}[(1, (2, 3))])

# += on the element: the list is extended in place, then storing back fails.
u = ([1],)
try:
    u[0] += [2]
except TypeError as e:
    print("TypeError:", e)
print(u)
u[0].extend([3])
print(u)

# The tuple holds references: changing the list through another name shows up.
inner = ["a"]
v = (inner, inner)
inner.append("b")
print(v, v[0] is v[1])
inner = ["new"]
print(v)

# Equality follows the contents at the time of comparison.
w1 = ([1], 2)
w2 = ([1], 2)
print(w1 == w2)
w1[0].append(9)
print(w1 == w2, w1 > w2, w1)

# Tuples of lists can be sorted (elementwise) even though they cannot be hashed.
rows = [([3], "c"), ([1, 5], "a"), ([1, 2], "b")]
print(sorted(rows))

# Copying the tuple does not copy the list.
copy = tuple(t)
copy2 = t[:]
print(copy is t, copy2 is t, copy[1] is t[1])
t[1].clear()
print(copy, copy2)

# A tuple of only hashable things hashes like an equal tuple.
key = (1, "a", (2.0, None), frozenset([3]))
same_key = (1, "a", (2.0, None), frozenset([3]))
print(hash(key) == hash(same_key), {key: "found"}[same_key])
