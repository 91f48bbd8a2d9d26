# towers of Hanoi: recursive move list, simulation with lists as pegs, move counts.
moves = []
def hanoi(n, src, dst, via):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst)
    moves.append((n, src, dst))
    hanoi(n - 1, via, dst, src)
hanoi(3, "A", "C", "B")
for disk, a, b in moves:
    print("move disk", disk, "from", a, "to", b)
print(len(moves), "moves")
def simulate(n):
    pegs = {"A": list(range(n, 0, -1)), "B": [], "C": []}
    global moves
    moves = []
    hanoi(n, "A", "C", "B")
    for disk, a, b in moves:
        top = pegs[a].pop()
        assert top == disk, "wrong disk"
        if pegs[b]:
            assert pegs[b][-1] > top, "bigger disk on smaller"
        pegs[b].append(top)
    return pegs
for n in range(1, 11):
    pegs = simulate(n)
    print(n, len(moves), len(moves) == 2 ** n - 1, pegs["C"] == list(range(n, 0, -1)), pegs["A"], pegs["B"])
def count_moves(n):
    return 0 if n == 0 else 2 * count_moves(n - 1) + 1
print([count_moves(n) for n in range(16)])
print(count_moves(62))
