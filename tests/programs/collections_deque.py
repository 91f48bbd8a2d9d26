# collections.deque: both ends, maxlen, rotate, indexing, repr, comparisons.
from collections import deque

d = deque()
for i in range(5):
    d.append(i)
    d.appendleft(-i)
print(d, len(d))
print(d.pop(), d.popleft(), d.pop(), d.popleft(), d)
d.extend([10, 11])
d.extendleft([20, 21])
print(d, d[0], d[-1], d[3])
d[1] = "x"
del d[0]
print(d, 11 in d, 99 in d, d.count(0), d.index(10))
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.reverse()
print(d, list(reversed(d)))
d.remove("x")
d.insert(2, "y")
print(d)
print(d.copy() == d, d == deque(list(d)), d != deque([1]), deque([1, 2]) < deque([1, 3]))
try:
    deque().pop()
except IndexError as e:
    print("IndexError:", e)
try:
    deque().popleft()
except IndexError as e:
    print("IndexError:", e)
try:
    d[100]
except IndexError as e:
    print("IndexError:", e)

# maxlen drops from the opposite end.
last = deque(maxlen=3)
for i in range(6):
    last.append(i)
print(last, last.maxlen)
last.appendleft(-1)
print(last)
last.extend("ab")
print(last, deque("hello", 2), deque(maxlen=0))

# A queue and a stack in a loop, as a BFS does.
q = deque([(0, 0)])
seen = {(0, 0)}
order = []
while q:
    x, y = q.popleft()
    order.append((x, y))
    for nx, ny in ((x + 1, y), (x, y + 1)):
        if nx <= 2 and ny <= 2 and (nx, ny) not in seen:
            seen.add((nx, ny))
            q.append((nx, ny))
print(order)
s = deque()
for c in "abc":
    s.append(c)
print(s.pop() + s.pop() + s.pop(), bool(s), bool(deque([0])))

# Alternating ends keep the right order.
d = deque(range(10))
out = []
while d:
    out.append(d.popleft())
    if d:
        out.append(d.pop())
print(out)
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2, list(deque(range(3))))
d = deque([1])
d += [2, 3]
print(d, repr(deque([[1], "s"])))
