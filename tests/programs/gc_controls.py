# gc.callbacks, DEBUG_SAVEALL, freeze, get_objects and the stats.
import gc

gc.collect()
events = []


def on_gc(phase, info):
    events.append((phase, info["generation"], info["collected"], info["uncollectable"]))


gc.callbacks.append(on_gc)
l = []
l.append(l)
del l
n = gc.collect()
gc.callbacks.remove(on_gc)
print(n, events)

# DEBUG_SAVEALL keeps what it finds in gc.garbage instead of freeing it.
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug() == gc.DEBUG_SAVEALL)
r = [1, 2]
r.append(r)
del r
print(gc.collect())
print(len(gc.garbage), gc.garbage[0][:2])
gc.set_debug(0)
gc.garbage[0].clear()
gc.garbage.clear()
print(gc.collect())

# get_objects finds a live container; a bad generation is refused.
marker = ["marker"]
print(any(o is marker for o in gc.get_objects()))
print(any(o is marker for o in gc.get_objects(0)))
gc.collect()
print(any(o is marker for o in gc.get_objects(0)), any(o is marker for o in gc.get_objects(2)))
for bad in (3, -2):
    try:
        gc.get_objects(bad)
    except ValueError as e:
        print("ValueError:", e)

# freeze moves everything to the permanent generation, which no collection
# looks at; unfreeze brings it back into the oldest generation.
gc.freeze()
print(gc.get_freeze_count() > 0, gc.get_count())
print(any(o is marker for o in gc.get_objects()))
gc.unfreeze()
print(gc.get_freeze_count())
print(any(o is marker for o in gc.get_objects(2)))

# Stats count collections per generation.
before = gc.get_stats()[1]["collections"]
gc.collect(1)
print(gc.get_stats()[1]["collections"] - before)
