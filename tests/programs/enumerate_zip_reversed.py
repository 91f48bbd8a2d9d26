# enumerate, zip and reversed: in for loops and converted with list().
colors = ["red", "green", "blue"]
for i, c in enumerate(colors):
    print(i, c)
print(list(enumerate("ab")))
for i, ch in enumerate("xyz"):
    print(i * "-" + ch)
names = ["ann", "bob", "cid"]
ages = [31, 25, 47]
for name, age in zip(names, ages):
    print(name, age)
print(list(zip([1, 2, 3], "abc")))
print(list(zip([1, 2, 3, 4], [10, 20])))
print(list(zip([], [1])), list(zip("ab", "cd", "ef")))
for a, b, c in zip([1, 2], [3, 4], [5, 6]):
    print(a + b + c)
print(dict(zip(names, ages)))
for c in reversed(colors):
    print(c)
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))))
print("".join(reversed("stressed")))
print(colors)
for i, (n, a) in enumerate(zip(names, ages)):
    print(i, n, a)
for i, c in enumerate(reversed(colors)):
    print(i, c)
pairs = list(zip(names, ages))
pairs.sort(key=lambda p: p[1])
print(pairs)
dot = 0
for x, y in zip([1, 2, 3], [4, 5, 6]):
    dot += x * y
print("dot", dot)
a = [1, 2, 3, 4]
b = [1, 3, 3, 5]
diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
print(diffs)
for i, row in enumerate([[1, 2], [3, 4]]):
    for j, v in enumerate(row):
        print(i, j, v)
print(list(reversed([])), list(enumerate([])))
