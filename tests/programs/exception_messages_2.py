# more runtime error messages: calls with wrong arguments, unpacking, conversions, str(e) vs print(e).
one_point_zero = 1.0
def one(a):
    return a
def two(a, b=2):
    return a + b
ident = lambda x: x
def zero():
    return 0
tests = [
    ("too many args", lambda: one(1, 2)),
    ("missing arg", lambda: one()),
    ("zero args given one", lambda: zero(1)),
    ("missing with default", lambda: two()),
    ("too many with default", lambda: two(1, 2, 3)),
    ("unknown keyword", lambda: one(z=1)),
    ("duplicate value", lambda: one(1, a=2)),
    ("lambda arity", lambda: ident()),
    ("lambda too many", lambda: ident(1, 2)),
    ("len(None)", lambda: len(None)),
    ("sum with str", lambda: sum([1, "a"])),
    ("sorted mixed", lambda: sorted([3, "a"])),
    ("max empty", lambda: max([])),
    ("min empty", lambda: min([])),
    ("chr(-1)", lambda: chr(-1)),
    ("int('12a')", lambda: int("12a")),
    ("list index float", lambda: [1, 2][one_point_zero]),
    ("tuple item assign", lambda: tuple_assign()),
    ("str item assign", lambda: str_assign()),
    ("unpack too many", lambda: unpack_many()),
    ("unpack too few", lambda: unpack_few()),
    ("unpack int", lambda: unpack_int()),
    ("list * list", lambda: [1] * [2]),
    ("dict + dict", lambda: {} + {}),
    ("str - str", lambda: "a" - "b"),
    ("float % str", lambda: 1.5 % "x"),
    ("abs(str)", lambda: abs("x")),
    ("hex(str)", lambda: hex("x")),
]
def tuple_assign():
    t = (1, 2)
    t[0] = 5
def str_assign():
    s = "ab"
    s[0] = "c"
def unpack_many():
    a, b = [1, 2, 3]
def unpack_few():
    a, b, c = (1, 2)
def unpack_int():
    a, b = 5
for label, thunk in tests:
    try:
        thunk()
        print(label, "-> no error")
    except TypeError as e:
        print(label, "-> TypeError:", e)
    except ValueError as e:
        print(label, "-> ValueError:", e)
    except IndexError as e:
        print(label, "-> IndexError:", e)
try:
    {}["missing"]
except KeyError as e:
    print("str(e) =", str(e), "| printed:", e)
try:
    raise ValueError("plain message")
except ValueError as e:
    print("str(e) =", str(e), "| printed:", e, "| len:", len(str(e)))
try:
    raise KeyError("quoted")
except KeyError as e:
    print(e, str(e) == "'quoted'")
try:
    raise ValueError()
except ValueError as e:
    print("empty message: [" + str(e) + "]")
try:
    raise IndexError(42)
except IndexError as e:
    print("non-string argument:", e, str(e) == "42")
