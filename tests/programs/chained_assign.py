# chained assignment: every target gets the same object, assigned left to right.
a = b = c = 5
print(a, b, c)
a = a + 1
print(a, b, c)
x = y = []
x.append(1)
print(x, y, x is y)
p = q = (1, 2)
print(p, q)
d = {}
d["k"] = d["j"] = 0
print(d)
lst = [0, 0, 0]
lst[0] = lst[2] = 7
print(lst)
i = lst[1] = 1
print(i, lst)
m, n = o = (3, 4)
print(m, n, o)
s = t = "text"
s = s.upper()
print(s, t)
def make():
    first = second = third = "shared"
    return first + second + third
print(make())
total = count = 0
for v in [4, 8, 15]:
    total += v
    count += 1
print(total, count, total / count)
u = v = w = None
print(u is None and v is None and w is None)
k1 = k2 = 0
k1 += 5
print(k1, k2)
grid = row = None
grid = [[0] * 2 for r in range(2)]
row = grid[0]
row[0] = 9
print(grid)
