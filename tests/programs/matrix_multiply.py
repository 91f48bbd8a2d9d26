# matrices as lists of lists: multiply, transpose, identity, power, determinant.
def zeros(rows, cols):
    return [[0] * cols for r in range(rows)]
def identity(n):
    m = zeros(n, n)
    for i in range(n):
        m[i][i] = 1
    return m
def multiply(a, b):
    rows, inner, cols = len(a), len(b), len(b[0])
    out = zeros(rows, cols)
    for i in range(rows):
        for j in range(cols):
            total = 0
            for k in range(inner):
                total += a[i][k] * b[k][j]
            out[i][j] = total
    return out
def transpose(m):
    return [[m[r][c] for r in range(len(m))] for c in range(len(m[0]))]
def show(m):
    for row in m:
        print(" ".join([f"{v:>5}" for v in row]))
    print()
a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(multiply(a, b))
show(multiply(b, a))
show(transpose(a))
print(multiply(a, identity(3)) == a, multiply(identity(2), a) == a)
def mat_pow(m, n):
    result = identity(len(m))
    while n > 0:
        if n % 2 == 1:
            result = multiply(result, m)
        m = multiply(m, m)
        n //= 2
    return result
fib = mat_pow([[1, 1], [1, 0]], 50)
print("fib(50) =", fib[0][1])
def det(m):
    if len(m) == 1:
        return m[0][0]
    total = 0
    for c in range(len(m)):
        minor = [row[:c] + row[c + 1:] for row in m[1:]]
        sign = 1 if c % 2 == 0 else -1
        total += sign * m[0][c] * det(minor)
    return total
print(det([[2]]), det([[1, 2], [3, 4]]), det([[6, 1, 1], [4, -2, 5], [2, 8, 7]]))
print(det(identity(4)), det([[1, 2], [2, 4]]))
f = [[0.5, 0.25], [1.5, 2.0]]
show(multiply(f, f))
rot = [[0, -1], [1, 0]]
print(mat_pow(rot, 4) == identity(2), mat_pow(rot, 2))
