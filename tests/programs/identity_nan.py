# NaN and identity: nan != nan, yet containers find the very same nan object
# because membership and equality of containers check identity first; two
# different nan objects are different dict keys and set members.
nan = float("nan")
other_nan = float("nan")
print(nan == nan, nan != nan, nan is nan, nan == other_nan, nan is other_nan)
print(nan < 0, nan > 0, nan <= nan, nan >= nan)

# Membership: identity first, then ==.
print(nan in [nan], nan in [other_nan], other_nan in [nan, 1.0])
print(nan in (nan,), [nan].count(nan), [nan].index(nan), [other_nan, nan].index(nan))

# Container equality compares elements with identity first too.
print([nan] == [nan], [nan] == [other_nan], (nan, 1) == (nan, 1), {"k": nan} == {"k": nan})
print([nan] != [nan], [nan] != [other_nan])

# Dict keys and set members: the same nan is found, a different one is a new key.
d = {nan: 1, other_nan: 2}
print(len(d), d[nan], d[other_nan])
d[nan] = 10
print(len(d), sorted(d.values()))
try:
    d[float("nan")]
except KeyError:
    print("KeyError: a third nan is not a key")
s = {nan, nan, other_nan}
print(len(s), nan in s, float("nan") in s)

# Nan keys from the same literal expression evaluated twice are still different.
print(len({float("nan"): 1, float("nan"): 2}))

# Sorting with nan gives an order that depends on comparisons that are all false,
# so only the non-nan elements are checked here.
values = [3.0, nan, 1.0, 2.0]
print(len(sorted(values)), [v for v in values if v == v])

# Detecting nan without math: it is the only float not equal to itself.
def is_nan(x):
    return x != x

print([is_nan(v) for v in [1.0, nan, float("inf"), -0.0, other_nan, float("-nan")]])
print(str(nan), repr(nan), str(-nan), nan * 0, nan + float("inf"))
print(float("inf") - float("inf") == float("inf") - float("inf"))

# max and min depend on argument order with nan.
print(max(nan, 1.0), max(1.0, nan), min(nan, 1.0), min(1.0, nan))

# inf behaves normally.
inf = float("inf")
print(inf == inf, inf in [float("inf")], len({inf, float("inf")}), -inf < 0 < inf)

# Equal floats that are different objects: == True, `is` not guaranteed, so
# only == is printed; a float and an int can be the same key.
f1 = float("2.5")
f2 = float("2.5")
print(f1 == f2, {f1: "a"}[f2], {2: "int"}[2.0], {0.0: "zero"}[-0.0], len({0.0, -0.0, 0}))
