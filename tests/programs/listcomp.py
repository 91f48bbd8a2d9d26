# list comprehensions with one for and an optional if, over every iterable kind.
print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0])
print([c.upper() for c in "hello"])
print([w for w in "a bb ccc dddd".split() if len(w) > 1])
print([k for k in {"x": 1, "y": 2}])
print([v * 10 for v in (1, 2, 3)])
print([(i, c) for i, c in enumerate("ab")])
print([a + b for a, b in zip([1, 2, 3], [10, 20, 30])])
print([x for x in [] if x])
print([[j for j in range(i)] for i in range(4)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[1] for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([sum(row) for row in matrix])
print([x if x % 2 == 0 else -x for x in range(6)])
print([str(n) for n in range(5) if n != 2])
print(len([1 for i in range(100) if i % 7 == 0]))
words = ["apple", "Banana", "cherry", "Date"]
print([w for w in words if w[0] == w[0].upper()])
print([w.lower() for w in words if not w.startswith("c")])
pairs = [(k, v) for k, v in {"a": 1, "b": 2}.items() if v > 1]
print(pairs)
n = 5
print([i * n for i in range(n)])
x = "outer"
squares = [x * 2 for x in range(3)]
print(x, squares)
print([[0] * 2 for _ in range(3)])
print(sum([i for i in range(101)]), max([len(w) for w in words]))
def evens(limit):
    return [i for i in range(limit) if i % 2 == 0]
print(evens(9))
print([d for d in reversed([1, 2, 3])])
