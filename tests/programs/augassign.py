# augmented assignment: += -= *= /= //= %= on names, list items and dict entries.
x = 10
x += 5
print(x)
x -= 3
print(x)
x *= 4
print(x)
x //= 5
print(x)
x %= 4
print(x)
x /= 2
print(x)
x += 0.25
print(x)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1, 2, 3]
lst[0] += 10
lst[-1] *= 3
lst[1] -= 7
print(lst)
lst += [4]
print(lst)
d = {"n": 1, "m": 2.5}
d["n"] += 1
d["m"] *= 2
d["n"] -= 0
print(d)
counts = {"a": 0}
for c in "aaa":
    counts["a"] += 1
print(counts)
t = (1, 2)
t += (3,)
print(t)
n = -7
n //= 2
print(n)
n = -7
n %= 3
print(n)
f = 7.5
f //= 2
print(f)
f = 7.5
f %= 2
print(f)
grid = [[0, 0], [0, 0]]
for i in range(2):
    for j in range(2):
        grid[i][j] += i * 2 + j
print(grid)
total = 0
for i in range(1, 11):
    total += i * i
print(total)
nested = {"k": [0, 0]}
nested["k"][1] += 5
print(nested)
i = 0
arr = [1, 1, 1]
arr[i] += 1
i += 1
arr[i] += 2
print(arr, i)
