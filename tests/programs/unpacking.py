# tuple unpacking in assignment and for loops, incl. nested targets and swaps.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
a, b = b, a + b
print(a, b)
x, y, z = "xyz"
print(x, y, z)
p, q = [10, 20]
print(p, q)
(m, n), o = (1, 2), 3
print(m, n, o)
first, (second, third) = "A", ["B", "C"]
print(first, second, third)
[u, v] = (5, 6)
print(u, v)
fib_a, fib_b = 0, 1
seq = []
for i in range(12):
    seq.append(fib_a)
    fib_a, fib_b = fib_b, fib_a + fib_b
print(seq)
points = [(1, 2), (3, 4), (5, 6)]
for px, py in points:
    print(px * py)
for i, (px, py) in enumerate(points):
    print(i, px, py)
data = [("a", (1, 2)), ("b", (3, 4))]
for name, (lo, hi) in data:
    print(name, lo, hi, hi - lo)
def divide(n, d):
    return n // d, n % d
qq, rr = divide(17, 5)
print(qq, rr)
lst = [1, 2, 3]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
d = {}
d["x"], d["y"] = 1, 2
print(d)
i = 0
vals = [0, 0]
i, vals[i] = 1, 9
print(i, vals)
for k, v in {"one": 1, "two": 2}.items():
    print(k, v)
t = 1, 2, 3
a, b, c = t
print(a + b + c)
(a, b), (c, d2) = [[1, 2], [3, 4]]
print(a, b, c, d2)
