# tic-tac-toe: board printing, win detection and a scripted game plus a minimax-free AI.
def new_board():
    return [[" "] * 3 for i in range(3)]
def show(board):
    print("\n---+---+---\n".join([" " + " | ".join(row) for row in board]))
    print()
LINES = [[(r, 0), (r, 1), (r, 2)] for r in range(3)]
LINES += [[(0, c), (1, c), (2, c)] for c in range(3)]
LINES += [[(0, 0), (1, 1), (2, 2)], [(0, 2), (1, 1), (2, 0)]]
def winner(board):
    for line in LINES:
        a, b, c = [board[r][c] for r, c in line]
        if a != " " and a == b == c:
            return a
    for row in board:
        if " " in row:
            return None
    return "draw"
board = new_board()
script = [(1, 1), (0, 0), (0, 2), (2, 0), (1, 0), (1, 2), (0, 1), (2, 1), (2, 2)]
player = "X"
for r, c in script:
    board[r][c] = player
    w = winner(board)
    if w:
        show(board)
        print("result:", w)
        break
    player = "O" if player == "X" else "X"
def choose(board, me):
    other = "O" if me == "X" else "X"
    for who in [me, other]:
        for line in LINES:
            cells = [board[r][c] for r, c in line]
            if len([x for x in cells if x == who]) == 2 and " " in cells:
                return line[cells.index(" ")]
    for r, c in [(1, 1), (0, 0), (0, 2), (2, 0), (2, 2), (0, 1), (1, 0), (1, 2), (2, 1)]:
        if board[r][c] == " ":
            return (r, c)
board = new_board()
player = "X"
turns = 0
while winner(board) is None:
    r, c = choose(board, player)
    board[r][c] = player
    turns += 1
    player = "O" if player == "X" else "X"
show(board)
print("AI vs AI:", winner(board), "after", turns, "turns")
