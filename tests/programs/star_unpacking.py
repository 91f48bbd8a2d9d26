# Starred assignment targets and starred expressions: a, *rest = ...,
# *init, last = ..., a starred middle, nested targets, stars in for loops,
# [*xs, *ys], (*xs,), {**d1, **d2}, and the unpacking error messages.
a, *rest = [1, 2, 3, 4]
print(a, rest)
*init, last = "hello"
print(init, last)
first, *middle, end = range(6)
print(first, middle, end)
x, *y = (9,)
print(x, y)
*z, = [7, 8]
print(z)
head, *tail = "a"
print(head, tail)

# The starred target is always a list, even from a tuple or string.
p, *q = (1, 2, 3)
print(type(q).__name__, q)

# Nested targets.
(a, b), *others = [(1, 2), (3, 4), (5, 6)]
print(a, b, others)
name, (first_score, *other_scores) = ("ann", [90, 80, 70])
print(name, first_score, other_scores)

# In for loops.
rows = [[1, 2, 3], [4, 5], [6]]
for lead, *more in rows:
    print(lead, more)
for key, *vals in [("a", 1, 2), ("b",)]:
    print(key, vals)

# Swapping and rotating with stars.
items = [1, 2, 3, 4]
first, *rest = items
items = rest + [first]
print(items)
*rest, last = items
print([last] + rest)

# Starred expressions in displays.
xs = [1, 2]
ys = (3, 4)
print([*xs, *ys], (*xs, *ys), [0, *range(3), *"ab"])
print((*xs,), [*{"k": 1, "j": 2}])
d1 = {"a": 1, "b": 2}
d2 = {"b": 20, "c": 30}
print({**d1, **d2}, {**d2, **d1}, {"z": 0, **d1, "a": 100})
print(sorted({*xs, *ys, 1}))

# Errors.
def attempt(label, thunk):
    try:
        print(label, thunk())
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__ + ":", e)

def two_plus(seq):
    a, b, *c = seq
    return a, b, c

def exactly_two(seq):
    a, b = seq
    return a, b

attempt("two_plus [1]", lambda: two_plus([1]))
attempt("two_plus [1,2]", lambda: two_plus([1, 2]))
attempt("exactly_two [1,2,3]", lambda: exactly_two([1, 2, 3]))
attempt("exactly_two [1]", lambda: exactly_two([1]))
attempt("exactly_two 5", lambda: exactly_two(5))
attempt("{**[1]}", lambda: {**[1]})
attempt("[*5]", lambda: [*5])

# Function calls receiving starred unpacked values.
def describe(a, b, c):
    return str(a) + "-" + str(b) + "-" + str(c)

head, *rest = [1, 2, 3]
print(describe(head, *rest), describe(*rest, head), describe(*"xyz"))
