# lambdas as sort keys: sorting records by fields, descending, by computed values.
students = [
    ("alice", 88, 21),
    ("bob", 95, 19),
    ("carol", 88, 20),
    ("dave", 72, 22),
    ("eve", 95, 23),
]
print(sorted(students, key=lambda s: s[1]))
print(sorted(students, key=lambda s: s[1], reverse=True))
print(sorted(students, key=lambda s: (-s[1], s[0])))
print(sorted(students, key=lambda s: s[2])[0][0])
names = [s[0] for s in students]
print(sorted(names, key=lambda n: n[-1]))
print(sorted(names, key=lambda n: (len(n), n)))
words = "The quick brown Fox jumps over the Lazy dog".split()
print(sorted(words))
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=lambda w: -len(w)))
points = [(3, 4), (-1, 1), (0, -5), (2, 2), (1, 0)]
print(sorted(points, key=lambda p: p[0] * p[0] + p[1] * p[1]))
print(sorted(points, key=lambda p: abs(p[0]) + abs(p[1]), reverse=True))
nums = [15, 3, 22, 8, 41, 10]
print(sorted(nums, key=lambda n: n % 10))
print(sorted(nums, key=lambda n: str(n)))
inventory = {"pear": 4, "apple": 10, "fig": 4, "kiwi": 1}
by_count = sorted(inventory.items(), key=lambda kv: kv[1])
print(by_count)
by_count_then_name = sorted(inventory.items(), key=lambda kv: (kv[1], kv[0]))
print(by_count_then_name)
top = sorted(inventory, key=lambda k: inventory[k], reverse=True)[:2]
print(top)
students.sort(key=lambda s: s[0], reverse=True)
print([s[0] for s in students])
print(min(nums), max(nums), sorted(nums, key=lambda n: n)[::-1])
