# Dropping a chain of a million nested containers frees it one level after
# the other without overflowing the C stack (CPython's trashcan), whatever
# the containers are, and the program goes on normally afterwards.
x = None
for i in range(1000000):
    x = [x]
depth = 0
walker = x
while walker is not None:
    walker = walker[0]
    depth += 1
print("list chain", depth)
del x
print("list chain freed")

t = ()
for i in range(1000000):
    t = (t,)
print("tuple chain", len(t), len(t[0][0][0]))
t = None
print("tuple chain freed")

d = {}
for i in range(1000000):
    d = {"next": d, "i": i}
print("dict chain", d["i"], d["next"]["i"])
d = 0
print("dict chain freed")

# Lists, dicts and tuples mixed, the last link replaced rather than deleted.
m = []
for i in range(300000):
    m = [{"k": (m, i)}]
print("mixed chain", m[0]["k"][1])
m = [m]
m = m[0][0]["k"][0]
print("mixed chain shortened", m[0]["k"][1])
m = "gone"
print("mixed chain freed", m)

# A chain hanging from a global list is freed when the list is cleared.
holder = [None]
for i in range(500000):
    holder[0] = [holder[0], i]
del holder[0]
print("held chain freed", holder)

# Freeing twice in a row, from inside a function.
def build_and_drop(n):
    chain = None
    for i in range(n):
        chain = (chain, [i])
    return n

print(build_and_drop(400000), build_and_drop(400000))
