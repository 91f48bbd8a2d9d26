# The cycle collector frees what reference counting cannot: containers
# that refer to themselves or to each other.
import gc

gc.collect()

# A list that contains itself.
l = []
l.append(l)
del l
print("self-list:", gc.collect())

# Nothing left to find.
print("again:", gc.collect())

# Three lists in a ring.
a, b, c = [], [], []
a.append(b)
b.append(c)
c.append(a)
del a, b, c
print("ring of three:", gc.collect())

# A dict that holds itself, and a list inside a tuple inside the list.
d = {}
d["me"] = d
del d
t_holder = []
t_holder.append((t_holder,))
del t_holder
print("dict and tuple:", gc.collect())

# A cycle still referenced from outside survives.
keep = []
keep.append(keep)
print("reachable:", gc.collect(), len(keep))

# Many cycles at once; automatic collection off meanwhile, so that all
# of them wait for the explicit one.
gc.disable()
print(gc.isenabled())
for i in range(1000):
    x = [i]
    x.append(x)
del x
print("thousand:", gc.collect())
gc.enable()
print(gc.isenabled())

# collect(generation) for each generation, and a bad one.
for g in range(3):
    y = []
    y.append(y)
    del y
    print("generation", g, gc.collect(g))
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
