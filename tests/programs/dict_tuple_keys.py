# tuple keys model a 2-D grid; int keys model sparse arrays.
grid = {}
for r in range(3):
    for c in range(3):
        grid[(r, c)] = r * 3 + c
print(grid[(1, 2)], grid[2, 0], len(grid))
def neighbours(pos):
    r, c = pos
    result = []
    for dr, dc in [(-1, 0), (1, 0), (0, -1), (0, 1)]:
        key = (r + dr, c + dc)
        if key in grid:
            result.append(grid[key])
    return result
print(neighbours((0, 0)), neighbours((1, 1)), neighbours((2, 2)))
sparse = {}
sparse[1000000] = "far"
sparse[-5] = "negative"
sparse[0] = "zero"
print(sparse, sparse.get(7, "empty"))
pairs = {}
for a in range(1, 4):
    for b in range(a, 4):
        pairs[(a, b)] = a * b
print(pairs)
for (a, b), prod in pairs.items():
    if prod % 2 == 0:
        print(a, "*", b, "=", prod)
nested_key = {((1, 2), "x"): "deep"}
print(nested_key[((1, 2), "x")])
visited = {}
pos = (0, 0)
moves = "RRDLLUURD"
for m in moves:
    r, c = pos
    if m == "R":
        c += 1
    elif m == "L":
        c -= 1
    elif m == "U":
        r -= 1
    else:
        r += 1
    pos = (r, c)
    visited[pos] = visited.get(pos, 0) + 1
print(visited)
print(sorted(visited))
print(sorted(visited.items(), key=lambda kv: kv[1])[-1])
del grid[(1, 1)]
print((1, 1) in grid, len(grid))
