# for ... else with break; continue; nested loops and break only leaving the inner loop.
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            print(n, "=", d, "*", n // d)
            break
    else:
        print(n, "is prime")
for x in []:
    print("never")
else:
    print("else after empty loop")
for ch in "hello":
    if ch == "l":
        print("found l, breaking")
        break
else:
    print("no l")
for ch in "world":
    if ch == "z":
        break
else:
    print("no z in world")
for i in range(10):
    if i % 3 != 0:
        continue
    print("multiple of 3:", i)
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        print("pair", i, j)
result = None
for i, v in enumerate([5, 8, 12, 7]):
    if v > 10:
        result = i
        break
print("first over 10 at", result)
print("loop variable after loop:", i)
for w in ["alpha", "beta"]:
    pass
print(w)
total = 0
for v in [1, 2, -1, 4, -5, 6]:
    if v < 0:
        continue
    total += v
else:
    print("sum of non-negatives:", total)
def first_even(xs):
    for x in xs:
        if x % 2 == 0:
            return x
    else:
        return None
print(first_even([1, 3, 4, 6]), first_even([1, 3]))
