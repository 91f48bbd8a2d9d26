# dicts iterate in insertion order; re-assigning keeps position; delete + reinsert moves to end.
d = {}
for k in ["zebra", "apple", "mango", "kiwi", "banana"]:
    d[k] = len(k)
print(d)
print(list(d), list(d.keys()), list(d.values()))
d["apple"] = 99
print(list(d.items()))
del d["zebra"]
d["zebra"] = 0
print(list(d))
nums = {}
for n in [5, 3, 9, 1, 7]:
    nums[n] = n * n
for k in nums:
    print(k, nums[k])
order = {}
for word in "the cat and the hat and the bat".split():
    order[word] = order.get(word, 0) + 1
print(order)
for word, count in order.items():
    print(word, count)
big = {}
for i in range(20):
    big[(i * 7) % 20] = i
print(list(big)[:10])
print(list(big.values())[:10])
popped = big.pop(14)
big[14] = "back"
print(popped, list(big)[-3:])
d2 = {"b": 1, "a": 2}
d2.setdefault("c", 3)
d2.setdefault("b", 100)
print(d2)
comp = {k: v for k, v in [("z", 1), ("y", 2), ("x", 3)]}
print(comp, list(comp.items())[0])
print(dict([("q", 1), ("p", 2)]), dict(zip(["m", "l"], [3, 4])))
