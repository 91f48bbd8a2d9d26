# dict comprehensions with one for and an optional if.
print({x: x * x for x in range(6)})
print({c: ord(c) for c in "abc"})
print({w: len(w) for w in "one three five".split()})
print({k: v for k, v in [("a", 1), ("b", 2), ("c", 3)] if v != 2})
prices = {"apple": 0.5, "pear": 0.75, "melon": 3.0}
print({k: v * 2 for k, v in prices.items()})
print({v: k for k, v in {"x": 1, "y": 2}.items()})
print({i: [j for j in range(i)] for i in range(4)})
print({(i, i + 1): i for i in range(3)})
print({k: v for k, v in zip("abc", [1, 2, 3])})
print({i % 3: i for i in range(10)})
print({x: None for x in []})
scores = {"ann": 81, "bob": 45, "cid": 67, "dan": 92}
passed = {name: s for name, s in scores.items() if s >= 50}
print(passed, len(passed))
grades = {name: ("A" if s >= 90 else "B" if s >= 80 else "C") for name, s in passed.items()}
print(grades)
counts = {c: "mississippi".split(c) for c in "ms"}
print(counts)
index = {word: i for i, word in enumerate(["zero", "one", "two"])}
print(index, index["two"])
squares = {n: n ** 2 for n in range(1, 11) if n % 2 == 1}
print(squares, sum(squares.values()))
