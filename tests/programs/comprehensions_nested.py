# Comprehensions with several for and if clauses, evaluated left to right like
# nested loops; nested comprehensions; set and dict comprehensions; and the
# comprehension's own scope for its loop variables.
pairs = [(x, y) for x in range(3) for y in range(3) if x != y]
print(pairs)
same = []
for x in range(3):
    for y in range(3):
        if x != y:
            same.append((x, y))
print(pairs == same)

# Later clauses can use earlier variables.
print([(i, j) for i in range(4) for j in range(i)])
words = ["ab", "cde", "f"]
print([ch for w in words for ch in w])
print([ch + str(i) for i, w in enumerate(words) if len(w) > 1 for ch in w if ch != "d"])

# Several if clauses act as and.
print([n for n in range(50) if n % 2 == 0 if n % 3 == 0 if n > 10])

# Three for clauses.
print(len([1 for a in range(3) for b in range(4) for c in range(5)]))
triples = [(a, b, c) for a in range(1, 15) for b in range(a, 15) for c in range(b, 15) if a * a + b * b == c * c]
print(triples)

# Nested comprehensions build matrices; the inner one is the element.
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix)
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row if v % 2])

# Set comprehensions drop duplicates.
letters = {ch.lower() for ch in "Hello World" if ch.isalpha()}
print(sorted(letters), len(letters))
print(sorted({x * y for x in range(1, 4) for y in range(1, 4)}))
print({n % 3 for n in []}, {0 for n in range(5)})
print(type({x for x in "a"}).__name__, type({x: x for x in "a"}).__name__)

# Dict comprehensions with several clauses.
grid = {(r, c): r * c for r in range(3) for c in range(3) if r <= c}
print(grid)
inverse = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inverse)

# The loop variable does not leak out of a comprehension.
x = "outer"
result = [x for x in range(3)]
print(x, result)

# The first iterable is evaluated in the enclosing scope, the rest inside.
n = 3
print([(i, j) for i in range(n) for j in range(i, n)])

# A comprehension in a class body cannot see class variables (except the first iterable).
class Config:
    size = 3
    values = [i * 2 for i in range(size)]
    try:
        pairs = [(i, size) for i in range(2)]
    except NameError as e:
        error = str(e)

print(Config.values, Config.error)

# Conditional expressions inside comprehensions.
print(["even" if n % 2 == 0 else "odd" for n in range(5)])
print([n if n > 0 else -n for n in [-2, 3, -4] if n != 3])
