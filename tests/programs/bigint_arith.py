# Ints past int64: arithmetic around 2**53, 2**63 and 2**64, demotion back.
def show(*xs):
    print(*xs)

for base in [2**53, 2**63, 2**64]:
    for d in [-2, -1, 0, 1, 2]:
        n = base + d
        show(n, -n, n * 3, n - base, n // 7, n % 7, -n // 7, -n % 7, n // -7, n % -7)
big = 2**64
print(big - big, type(big - big), big - 1 - (big - 2))
print((2**63) // (2**62), (2**63) % 10, -(2**63), -(-(2**63)))
x = -9223372036854775807 - 1
print(x // -1, x * -1, -x, abs(x), x - 1, divmod(x, -1))
print(2**1000)
print(-(2**1000) // 3, -(2**1000) % 3, (2**1000) // -(3**300), (2**1000) % -(3**300))
print(divmod(2**100, 7**20), divmod(-(2**100), 7**20), divmod(2**100, -7), divmod(-(2**100), -7))
f = 1
for i in range(1, 101):
    f *= i
print("factorial(100) =", f)
print(f // (2**64), f % (10**20), f.bit_length())
print(len(str(f)), str(f)[:10], repr(-f)[:10])
print(2**64 * 0, 0 * 2**64, 1 * 2**64, 2**64 // 2**64, (2**64 + 5) % 2**64)
print(3**100 - 3**100 + 7, type(3**100 - 3**100 + 7))
print(abs(-(2**70)), +(2**70), -(2**70))
print(sum([2**62, 2**62, 2**62, -(2**62) * 3]), sum([2**63, 2**63]))
print(max(2**64, 2**65, 3), min(-(2**64), 5), sorted([2**70, -3, 2**64, 1]))
print(10**30 / 10**10, 333333833333500000 / 1000000, 2**64 / 3, (2**1000) / (2**990))
print(7 / 2**70, -(10**40) / 7, (10**300) / (10**290 + 1))
print(2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53, 2.0**53 < 2**53 + 1, 2**64 == 2.0**64, 2**64 + 1 == 2.0**64)
print(2**1000 > 1e300, 2**1000 < float("inf"), -(2**1000) < -1e308, 2**64 == float("nan"), 2**64 != float("nan"))
print(9007199254740993 == 9007199254740992.0, 9007199254740993 != 9007199254740992.0, 10**20 == 1e20)
print(float(2**64), float(2**53 + 1), float(-(2**1000)), float(2**63 - 1), 2**64 + 0.5, 2**70 * 1.5)
print(int(1e20), int(-1e30), int(2.0**100), int(1.5e300) % 1000, int(-2.5e19))
try:
    float(2**1024)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(2**1024 + 1.0)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(2**64 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(2**64 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(2**64 ** 0, 0**0, (-1)**(2**64), (-1)**(2**64 + 1), 1**(2**70), 0**(2**70), 2**-2, (2**64)**-1)
print((-2)**63, (-2)**64, (-3)**41, 7**30)
