# The cycle collector's pause and throughput (docs/memory.md): a graph of
# 200,000 instances in cycles dropped and found by one gc.collect(), then
# twenty smaller graphs left to the automatic collections. Timings are
# printed, so the output differs from run to run; run it under both
# interpreters by hand.
import gc, time
class Node:
    def __init__(self):
        self.edges = []
def build(n):
    nodes = [Node() for i in range(n)]
    for i in range(n):
        nodes[i].edges.append(nodes[(i + 1) % n])
        nodes[i].edges.append(nodes[(i * 7) % n])
    return nodes
gc.collect()
t = time.perf_counter()
g = build(200000)
t_build = time.perf_counter() - t
del g
t = time.perf_counter()
found = gc.collect()
pause = time.perf_counter() - t
print("unreachable", found)
print("build %.3f s, collect pause %.3f s" % (t_build, pause))
t = time.perf_counter()
for r in range(20):
    g = build(10000)
    del g
print("20 rounds of 10000-node graphs with automatic collection: %.3f s" % (time.perf_counter() - t))
print("stats", [s["collections"] for s in gc.get_stats()])
