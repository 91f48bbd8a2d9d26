# sys.getrefcount counts the argument's own reference; gc.is_tracked says
# which objects the collector follows.
import gc
import sys

x = []
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
holder = [x, x, x]
print(sys.getrefcount(x))
del holder
del y
print(sys.getrefcount(x))
print(sys.getrefcount([]))


class A:
    pass


a = A()
print(sys.getrefcount(a))
a.me = a
print(sys.getrefcount(a))


def count_inside(obj):
    return sys.getrefcount(obj)


print(count_inside(object()) >= 2)

# Ints and strs hold no references: never tracked. Lists, instances and
# functions are.
print(gc.is_tracked(1), gc.is_tracked("text"), gc.is_tracked(3.5), gc.is_tracked(None))
print(gc.is_tracked([]), gc.is_tracked([1, 2]), gc.is_tracked(a), gc.is_tracked(count_inside))
print(gc.is_tracked((1, 2)), gc.is_tracked(tuple([1, 2])))
print(gc.is_tracked({"k": []}), gc.is_tracked(set([1])))

# get_referents and get_referrers.
inner = [1]
outer = [inner, "s"]
print(inner in gc.get_referents(outer))
print(any(r is outer for r in gc.get_referrers(inner)))
print(gc.get_threshold())
gc.set_threshold(500, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_debug())
gc.collect()
print(gc.get_count())
print(len(gc.get_stats()), sorted(gc.get_stats()[0]))
print(gc.garbage, gc.callbacks)
