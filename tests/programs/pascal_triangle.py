# Pascal's triangle: rows, centred printing, binomial coefficients and row sums.
def pascal(n):
    rows = [[1]]
    for i in range(1, n):
        prev = rows[-1]
        row = [1]
        for j in range(1, i):
            row.append(prev[j - 1] + prev[j])
        row.append(1)
        rows.append(row)
    return rows
tri = pascal(10)
width = len(" ".join([str(v) for v in tri[-1]]))
for row in tri:
    text = " ".join([str(v) for v in row])
    pad = (width - len(text)) // 2
    print(" " * pad + text)
print([sum(r) for r in tri])
def binom(n, k):
    if k < 0 or k > n:
        return 0
    k = min(k, n - k)
    result = 1
    for i in range(k):
        result = result * (n - i) // (i + 1)
    return result
print([binom(10, k) for k in range(11)])
print(binom(52, 5), binom(60, 30), binom(5, 7))
big = pascal(35)
print(big[-1][17], big[-1][17] == binom(34, 17))
odd_rows = []
for row in pascal(16):
    odd_rows.append("".join(["*" if v % 2 else " " for v in row]))
for line in odd_rows:
    print(line)
