# Mixing int and float: results become float; comparisons between int and float.
print(1 + 2.0, 3 - 0.5, 2 * 1.5, 3 / 2)
print(7 // 2.0, 7 % 2.5, 2 ** 0.5)
print(1 == 1.0, 2 < 2.5, 3 >= 3.0, 0 == -0.0)
print(10 / 4, 10 // 4, 10 / 5)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(int(3.9), int(-3.9), int(2.0), float(3))
print(True + 1, True + 1.5, False * 2.0)
a = 5
a += 0.5
print(a)
a -= 1
print(a)
a *= 2
print(a)
a /= 3
print(a)
a //= 1
print(a)
n = 7
n /= 2
print(n)
values = [1, 2.5, 3, 4.25, -1]
total = 0
for v in values:
    total += v
print("total", total, "mean", total / len(values))
print(sum([1, 2, 3]) / 2, sum([0.5, 0.5, 1]))
print(max(1, 2.5, 2), min(3, 2.0, 2.5))
print(9007199254740992 + 1.0)
c = 25
f = c * 9 / 5 + 32
print(c, "C is", f, "F")
for f in [32, 212, 98.6, -40]:
    print(f, "F is", (f - 32) * 5 / 9, "C")
print(1.5 * 4 == 6, 6.0 == 6, 6.5 > 6)
print(-7 / 2, -7 // 2, -7.0 // 2)
