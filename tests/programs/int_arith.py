# Integer arithmetic: + - * / // % ** and unary minus on small and large int64 values.
a = 17
b = 5
print(a + b, a - b, a * b)
print(a / b)
print(a // b, a % b)
print(a ** 2, b ** 3)
print(-a, -(-a), - - a)
print(2 + 3 * 4, (2 + 3) * 4)
print(2 ** 3 ** 2)
print(-2 ** 2)
print((-2) ** 2)
print(10 - 3 - 2)
print(100 // 7 // 2)
print(7 * 6 // 4 % 5)
print(1000000 * 1000000)
print(3037000499 * 3037000499)
print(9223372036854775807)
print(-9223372036854775807 - 1)
print(9223372036854775806 + 1)
print(4611686018427387904 - 1 + 4611686018427387904, 4611686018427387904 * -2)
print(2 ** 62, 2 ** 62 - 1 + 2 ** 62)
print(0 * -5, -0, 0 - 0)
print(123456789 * 1000 + 987)
x = 1
for i in range(20):
    x = x * 3
print("3**20 =", x, 3 ** 20, x == 3 ** 20)
total = 0
for i in range(1, 101):
    total = total + i
print("sum 1..100 =", total)
print(6 / 3, 7 / 2, -7 / 2, 1 / 3)
print(10 ** 18, 10 ** 18 // 3)
print(2 ** 0, 0 ** 0, 5 ** 1)
print(2 ** -1, 10 ** -2)
print(1 + 2 - 3 + 4 - 5 + 6)
print(((((1 + 2) * 3) - 4) * 5) // 6)
