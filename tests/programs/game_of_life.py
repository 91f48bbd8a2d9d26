# Conway's game of life on a small toroidal grid: blinker, glider, population counts.
def make(rows, cols, cells):
    grid = [[0] * cols for r in range(rows)]
    for r, c in cells:
        grid[r][c] = 1
    return grid
def neighbours(grid, r, c):
    rows, cols = len(grid), len(grid[0])
    n = 0
    for dr in [-1, 0, 1]:
        for dc in [-1, 0, 1]:
            if dr == 0 and dc == 0:
                continue
            n += grid[(r + dr) % rows][(c + dc) % cols]
    return n
def step(grid):
    rows, cols = len(grid), len(grid[0])
    new = [[0] * cols for r in range(rows)]
    for r in range(rows):
        for c in range(cols):
            n = neighbours(grid, r, c)
            if grid[r][c] == 1 and (n == 2 or n == 3):
                new[r][c] = 1
            elif grid[r][c] == 0 and n == 3:
                new[r][c] = 1
    return new
def show(grid):
    for row in grid:
        print("".join(["#" if v else "." for v in row]))
    print()
def population(grid):
    return sum([sum(row) for row in grid])
blinker = make(5, 5, [(2, 1), (2, 2), (2, 3)])
show(blinker)
show(step(blinker))
print(step(step(blinker)) == blinker)
glider = make(8, 8, [(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)])
g = glider
for gen in range(4):
    show(g)
    g = step(g)
shifted = make(8, 8, [(1, 2), (2, 3), (3, 1), (3, 2), (3, 3)])
print("glider moved diagonally:", g == shifted)
for i in range(28):
    g = step(g)
print("back home after 32 generations:", g == glider, population(g))
seed = 1
rows = []
for r in range(10):
    row = []
    for c in range(10):
        seed = (seed * 1103515245 + 12345) % 2147483648
        row.append(1 if (seed // 65536) % 3 == 0 else 0)
    rows.append(row)
pops = []
for i in range(12):
    pops.append(population(rows))
    rows = step(rows)
print(pops)
show(rows)
