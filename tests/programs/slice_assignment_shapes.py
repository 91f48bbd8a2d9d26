# Slices of exact lists and tuples take a path without a slice object;
# subclasses and classes with __getitem__ still receive one. Slice
# assignment grows, shrinks or overwrites in place, and a list on the right
# stays intact (only a temporary one gives up its items).
l = list(range(10))
print(l[2:5], l[::-1], l[5:], l[:-3], l[1:8:2], l[8:1:-3], l[-100:100], l[7:2])
t = (1, 2, 3)
empty = ()
print(t[1:], t[:] is t, t[0:3] is t, t[5:] is empty, t[::-1], t[0:3:2])
print("hello"[1:3], "hello"[::-1], range(10)[2:8:3])

m = l[:]
m[2:4] = [9, 9, 9]
print(m)
m[2:5] = []
print(m)
m[:0] = (7, 8)
print(m)
m[::2] = range(len(m[::2]))
print(m)
m[1:3] = m
print(m)
m[5:1] = "ab"
print(m)
source = [100, 200]
m[0:2] = source
source.append(300)
print(m[:3], source)
m[len(m):] = source
print(m)
try:
    m[::2] = [1]
except ValueError as e:
    print(e)
try:
    print(l[1.5:2])
except TypeError as e:
    print(e)
try:
    l[::0]
except ValueError as e:
    print(e)
n = 5
try:
    print(n[1:2])
except TypeError as e:
    print(e)
try:
    n[1:2] = [1]
except TypeError as e:
    print(e)


class Logged(list):
    def __getitem__(self, i):
        return ("Logged", i)

    def __setitem__(self, i, v):
        print("Logged set", i, v)


print(Logged([1, 2])[1:2], Logged([1, 2])[::2])
Logged()[:3] = [1]


class Anything:
    def __getitem__(self, i):
        return i

    def __setitem__(self, i, v):
        print("set", i, v)


print(Anything()[1:2], Anything()[1:2:3], Anything()[:], Anything()["a":None])
Anything()[1:] = 5

perm = [3, 1, 0, 2]
k = perm[0]
flips = 0
while k:
    perm[:k + 1] = perm[k::-1]
    flips += 1
    k = perm[0]
print(perm, flips)
x = [1, 2, 3]
x[1:2] += [5]
print(x)
del x[0:1]
print(x)
y = [[0] * 3 for _ in range(2)]
y[0][1:] = y[1][:2]
print(y)
