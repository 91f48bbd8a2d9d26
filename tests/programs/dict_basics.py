# dict literals, lookup, assignment, in, len, del, nested dicts, printing.
d = {"a": 1, "b": 2}
print(d, len(d), d["a"], d["b"])
d["c"] = 3
d["a"] = 10
print(d, len(d))
print("a" in d, "z" in d, "z" not in d, 1 in d)
del d["b"]
print(d, len(d))
empty = {}
print(empty, len(empty), list(d.items()) == [("a", 10), ("c", 3)])
ints = {1: "one", 2: "two", -3: "minus three"}
print(ints[1], ints[-3], ints)
mixed = {1: "int", "1": "str", (1,): "tuple"}
print(mixed[1], mixed["1"], mixed[(1,)], len(mixed))
nested = {"outer": {"inner": [1, 2, 3]}}
nested["outer"]["inner"].append(4)
nested["outer"]["new"] = {"deep": True}
print(nested)
print(nested["outer"]["new"]["deep"])
counts = {}
for ch in "mississippi":
    if ch in counts:
        counts[ch] += 1
    else:
        counts[ch] = 1
print(counts)
alias = counts
alias["m"] = 100
print(counts["m"])
print({"k": None, "n": [], "t": (), "f": 1.5, "b": False})
d2 = {}
d2[0] = "zero"
d2[0] = "still zero"
d2[-0] = "minus zero is zero"
print(d2)
grid = {}
grid[(0, 1)] = "a"
grid[(2, 3)] = "b"
print(grid[(0, 1)], grid[2, 3], (2, 3) in grid, (3, 2) in grid)
d3 = {"x": 1, "x": 2}
print(d3)
phone = {"ann": "555-1234", "bob": "555-9876"}
for name in ["ann", "cid"]:
    if name in phone:
        print(name, phone[name])
    else:
        print(name, "unknown")
