# n-queens by backtracking: counts for n = 1..8 and the first boards for n = 6 and 8.
def safe(row, col, placed):
    for r in range(row):
        c = placed[r]
        if c == col or abs(c - col) == row - r:
            return False
    return True
def place(n, row, placed, found, first_only):
    if row == n:
        found.append(placed[:])
        return
    for col in range(n):
        if first_only and found:
            return
        if safe(row, col, placed):
            placed.append(col)
            place(n, row + 1, placed, found, first_only)
            placed.pop()
def solve(n, first_only=False):
    found = []
    place(n, 0, [], found, first_only)
    return found
for n in range(1, 9):
    print(n, len(solve(n)))
def show(board):
    n = len(board)
    for c in board:
        print(" ".join(["Q" if i == c else "." for i in range(n)]))
    print()
show(solve(6, True)[0])
first8 = solve(8, True)[0]
print(first8)
show(first8)
six = solve(6)
print(six)
def mirror(board):
    n = len(board)
    return [n - 1 - c for c in board]
print([mirror(b) in six for b in six])
