# Exponentiation: int ** int stays int, negative exponents give float, float powers.
for base in [2, 3, -2, -3, 10]:
    row = []
    for e in range(6):
        row.append(base ** e)
    print(base, row)
print(2 ** 10, 2 ** 20, 2 ** 30, 2 ** 40)
print(2 ** 62)
print((-2) ** 63)
print(7 ** 22)
print(-3 ** 2, (-3) ** 2, (-3) ** 3)
print(2 ** -2, 4 ** -1, (-2) ** -1)
print(2.0 ** 3, 2 ** 0.5, 9 ** 0.5, 0.5 ** 2)
print(1.5 ** 2, 10.0 ** -3, 100 ** 0.5)
print(0 ** 5, 1 ** 100, (-1) ** 99, (-1) ** 100)
x = 3
x = x ** 4
print(x)
def power(b, e):
    result = 1
    while e > 0:
        if e % 2 == 1:
            result = result * b
        b = b * b if e > 1 else b
        e = e // 2
    return result
for b, e in [(2, 10), (3, 13), (5, 20), (7, 15), (-3, 5)]:
    print(b, e, power(b, e), power(b, e) == b ** e)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(10 ** 15 + 10 ** 15)
