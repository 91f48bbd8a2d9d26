# Floor division and modulo follow Python (floor) semantics, also for negatives.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (1, 5), (-1, 5), (1, -5), (-1, -5)]
for p in pairs:
    a, b = p
    print(a, b, a // b, a % b, (a // b) * b + a % b == a)
print(-9223372036854775807 // 2, -9223372036854775807 % 2)
print(9223372036854775807 // -10, 9223372036854775807 % -10)
print(-100 // 7, -100 % 7)
print(100 // -7, 100 % -7)
print(-15 // 5, -15 % 5, 15 % -5)
print("mixing int and float:")
print(7.0 // 2, 7 // 2.0, -7.0 // 2, -7 // 2.0)
print(7.5 % 2, -7.5 % 2, 7.5 % -2, -7.5 % -2)
print(7 % 2.5, -7 % 2.5)
print(5.0 // 0.5, 1.0 % 0.25)
print(-0.0 // 1, 0.0 % -1)
print(-1 % 1.0, 1 % -1.0)
hours = -25
print("days", hours // 24, "hours", hours % 24)
clock = 3
for step in [-5, 10, -30, 100]:
    clock = (clock + step) % 12
    print("clock", clock)
digits = []
n = 9876
while n > 0:
    digits.append(n % 10)
    n //= 10
print(digits)
print(-7 // 1, -7 % 1, -1 // 3, -1 % 3)
print(divmod(-7, 2), divmod(7, -2), divmod(-7.5, 2))
