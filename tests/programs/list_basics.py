# list literals, indexing, negative indexing, item assignment, nesting.
a = [1, 2, 3, 4, 5]
print(a, len(a), a[0], a[-1], a[2], a[-2])
a[0] = 10
a[-1] = 50
print(a)
a[2] = a[1] + a[3]
print(a)
empty = []
print(empty, len(empty), [[]], [[], []])
mixed = [1, "two", 3.0, None, True, [5, 6], (7, 8), {"k": 9}]
print(mixed)
print(mixed[5][1], mixed[6][0], mixed[7]["k"])
grid = [[0, 0, 0], [0, 0, 0], [0, 0, 0]]
grid[1][1] = 5
grid[0][2] = 1
grid[2][0] = -1
print(grid)
for row in grid:
    print(row)
alias = a
alias[1] = 99
print(a, alias is a)
copy = a[:]
copy[0] = -1
print(a, copy, copy is a, copy == a)
nested = [[1, 2], [3, 4]]
shallow = nested[:]
shallow[0][0] = 100
print(nested, shallow)
squares = []
for i in range(8):
    squares.append(i * i)
print(squares)
print(squares[3], squares[-3], squares[len(squares) // 2])
names = ["b", "a", "c"]
names[0], names[1] = names[1], names[0]
print(names)
matrix = []
for i in range(3):
    row = []
    for j in range(4):
        row.append(i * 4 + j)
    matrix.append(row)
print(matrix)
print(matrix[2][3], matrix[-1][-1], matrix[1][-2])
strings = ["x"] * 3
strings[1] = "y"
print(strings)
print([1, [2, [3, [4]]]][1][1][1][0])
