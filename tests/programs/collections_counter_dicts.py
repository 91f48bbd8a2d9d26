# collections.Counter, defaultdict, OrderedDict, ChainMap.
from collections import Counter, defaultdict, OrderedDict, ChainMap

words = "the quick brown fox jumps over the lazy dog the end".split()
c = Counter(words)
print(c)
print(c.most_common(3), c["the"], c["missing"], len(c))
c.update(["fox", "fox"])
c.subtract({"the": 2})
print(c.most_common(2), c.total())
print(sorted(Counter("mississippi").elements()))
a = Counter(a=3, b=1, c=0)
b = Counter(a=1, b=2, d=-1)
print(a + b, a - b, a | b, a & b)
print(+b, -b)
a += Counter(z=2)
print(a, Counter() == Counter(), Counter("ab") == Counter("ba"))
del a["z"]
del a["not there"]
print(a, repr(Counter()), Counter({"x": 2, "y": 5}))
print(list(Counter("banana").items()), Counter("banana").most_common())

groups = defaultdict(list)
for w in words:
    groups[len(w)].append(w)
print(groups)
print(sorted(groups.items())[:2], 99 in groups, groups.default_factory)
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(dict(counts), counts["?"], len(counts))
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["b"] += 1
print(nested["a"]["b"], isinstance(nested, dict))
plain = defaultdict()
try:
    plain["k"]
except KeyError as e:
    print("KeyError", e)
print(defaultdict(list, {1: [2]}), defaultdict(set).copy())

od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(od, list(od), od.popitem(), od.popitem(last=False), od)
od = OrderedDict.fromkeys("xyz", 0)
od.move_to_end("x")
od.move_to_end("z", last=False)
print(od, od == OrderedDict([("z", 0), ("y", 0), ("x", 0)]))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})
print(OrderedDict(), list(reversed(OrderedDict(a=1, b=2))))

base = {"colour": "red", "size": 1}
over = {"size": 2}
cm = ChainMap(over, base)
print(cm["colour"], cm["size"], len(cm), sorted(cm), "colour" in cm)
cm["new"] = 3
print(over, cm.get("nope", "default"), cm.parents, cm.new_child({"size": 9})["size"])
