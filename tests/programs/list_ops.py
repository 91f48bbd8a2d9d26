# list operators: + * == != < in not in len, and list() conversions.
a = [1, 2, 3]
b = [4, 5]
print(a + b, b + a, a + [], [] + [])
print(a * 2, 2 * b, [0] * 5, a * 0, [None] * 3)
print(len(a + b), len(a * 4))
print(2 in a, 9 in a, 9 not in a, [1] in [[1], [2]], "x" in ["x", "y"])
print(a == [1, 2, 3], a == [1, 2], a != b, [] == [])
print([1, 2] == [1, 2.0], [[1]] == [[1]], [1, [2]] != [1, [3]], [] != [0])
print([1, [2, 3]] == [1, [2, 3]], [1, 2.0] == [1, 2])
c = a
c += [4]
print(a, c, a is c)
d = a
d = d + [5]
print(a, d, a is d)
e = [7] * 2
e *= 3
print(e)
rows = [[0] * 3] * 2
rows[0][0] = 1
print(rows)
rows = [[0] * 3 for i in range(2)]
rows[0][0] = 1
print(rows)
print(list("abc"), list((1, 2)), list(range(4)), list([5, 6]), list())
print(list({"x": 1, "y": 2}))
total = []
for chunk in [[1], [2, 3], [], [4, 5, 6]]:
    total = total + chunk
print(total)
print(max([3, 7, 2]), min([3, 7, 2]), sum([3, 7, 2]))
print([x for x in a if x in b], [x for x in a if x not in b])
print([[]] * 3, [[1]] + [[2]])
print(["ab"] * 2 + ["c"])
seen = []
for v in [3, 1, 3, 2, 1, 4]:
    if v not in seen:
        seen.append(v)
print(seen)
