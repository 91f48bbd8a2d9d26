# shortest path in a text maze with BFS (list as queue, dict of parents), path drawn back in.
maze = [
    "##########",
    "#S.....#.#",
    "#.##.#.#.#",
    "#.#..#...#",
    "#.#.####.#",
    "#...#..#.#",
    "###.#.##.#",
    "#.....#..#",
    "#.###...E#",
    "##########",
]
rows, cols = len(maze), len(maze[0])
start = end = None
for r in range(rows):
    for c in range(cols):
        if maze[r][c] == "S":
            start = (r, c)
        elif maze[r][c] == "E":
            end = (r, c)
print("start", start, "end", end)
parents = {start: None}
queue = [start]
while queue:
    cur = queue.pop(0)
    if cur == end:
        break
    r, c = cur
    for dr, dc in [(0, 1), (1, 0), (0, -1), (-1, 0)]:
        nxt = (r + dr, c + dc)
        nr, nc = nxt
        if 0 <= nr < rows and 0 <= nc < cols and maze[nr][nc] != "#" and nxt not in parents:
            parents[nxt] = cur
            queue.append(nxt)
path = []
node = end
while node is not None:
    path.append(node)
    node = parents[node]
path.reverse()
print("path length", len(path) - 1)
print(path)
grid = [list(row) for row in maze]
for r, c in path[1:-1]:
    grid[r][c] = "o"
for row in grid:
    print("".join(row))
print("cells explored", len(parents))
open_cells = 0
for row in maze:
    for ch in row:
        if ch != "#":
            open_cells += 1
print("open cells", open_cells)
