# is / is not (identity) and in / not in (membership) for lists, tuples, strings, dicts.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, b is not a)
print(None is None, None is not None, True is True, False is not True)
x = None
print(x is None, x is not None)
def returns_none():
    pass
print(returns_none() is None)
print(3 in [1, 2, 3], 4 in [1, 2, 3], 4 not in [1, 2, 3])
print("b" in ("a", "b"), ("a", "b") in [("a", "b")], [1] in [[1], 2])
print("ell" in "hello", "H" in "hello", "" in "", "lo" not in "hello")
d = {"k": "v", 1: "one", (2, 3): "tuple"}
print("k" in d, "v" in d, 1 in d, (2, 3) in d, 2 in d, "v" in d.values())
print(1.0 in [1], True in [1], 0 in [False], None in [0, "", []])
print([] in [[]], () in [()], "" in [""])
empty = []
print(1 in empty, 1 not in empty)
nested = [[1, 2], [3, 4]]
print([3, 4] in nested, 3 in nested, 3 in nested[1])
vowels = "aeiou"
word = "education"
print([ch for ch in word if ch in vowels], [ch for ch in word if ch not in vowels])
s1 = "abc"
s2 = s1
print(s1 is s2)
t = (1, 2)
u = t
print(t is u, t == (1, 2))
fns = [len, print]
print(len in fns, abs in fns)
e = {}
f = e
f["added"] = True
print(e is f, e)
print(not 1 in [1], not (1 in [1]), (not 1) in [False])
