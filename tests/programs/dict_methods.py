# dict methods: get keys values items setdefault pop.
d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", 0), d.get("b", 99))
print(sorted(d.keys()), sorted(d.values()), sorted(d.items()))
print(list(d.keys()), list(d.values()), list(d.items()))
print(len(d.keys()), "a" in d.keys(), 2 in d.values(), ("c", 3) in d.items())
print(d.setdefault("d", 4), d.setdefault("a", 100), d)
print(d.setdefault("e"), d)
print(d.pop("e"), d.pop("a"), d)
print(d.pop("missing", "default"), d.pop("b", None), d)
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
for letter, words in groups.items():
    print(letter, len(words), words)
inventory = {"apples": 5, "pears": 0, "plums": 12}
total = 0
for v in inventory.values():
    total += v
print("total", total)
for k in inventory.keys():
    if inventory[k] == 0:
        print("out of", k)
config = {"debug": False}
print(config.get("debug", True), config.get("verbose", True))
keys = list(inventory.keys())
for k in keys:
    if inventory[k] < 10:
        inventory.pop(k)
print(inventory)
counts = {}
for c in "hello world":
    counts[c] = counts.get(c, 0) + 1
print(counts)
items = list(counts.items())
items.sort(key=lambda kv: kv[1], reverse=True)
print(items[:3])
v = d.values()
print(sorted(v), sum(d.values()), max(d.keys()))
