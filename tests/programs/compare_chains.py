# comparison operators and chains: a < b < c evaluates b once and stops early.
x = 5
print(1 < x < 10, 1 < x < 3, 10 > x > 1, 5 <= x <= 5, 1 < 2 < 3 < 4 < 5)
print(1 == 1 == 1, 1 == 1 != 2, 1 < 3 > 2, 3 > 2 == 2, 1 < 2 > 3)
print(0 < 0.5 < 1, "a" < "b" < "c", "a" < "c" < "b")
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(2) < v(3), calls)
calls = []
print(v(3) < v(2) < v(1), calls)
calls = []
print(v(1) < v(5) > v(4) == v(4), calls)
def in_range(n, lo=0, hi=100):
    return lo <= n < hi
print(in_range(0), in_range(100), in_range(-1), in_range(50, 60, 70))
print([n for n in range(20) if 5 < n <= 9])
print(1 != 2, 1 != 1, "a" != "a", [1] != [1, 2], (1,) != (1,))
print(2 >= 2, 2 > 2, 1.5 <= 1, -1 < -0.5)
print(1 < 2 in [2, 3], 2 in [1, 2] in [[1, 2]], 3 not in [] is not None)
a = b = [1]
print(a is b is a, a == [1] is not a)
temps = [12, 25, 31, 7, 18]
for t in temps:
    if t < 10:
        print(t, "cold")
    elif 10 <= t < 20:
        print(t, "mild")
    elif 20 <= t < 30:
        print(t, "warm")
    else:
        print(t, "hot")
print(True == 1 == 1.0, False < True < 2)
print((1 < 2) < 3, 1 < (2 < 3))
