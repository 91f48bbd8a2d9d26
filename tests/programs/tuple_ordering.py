# tuple comparison is lexicographic; tuples sort naturally; tuples as dict keys.
print((1, 2) < (1, 3), (1, 2) < (2, 0), (2,) > (1, 9), (1, 2) < (1, 2, 0))
print((1, 2) == (1, 2), (1, 2) <= (1, 2), (1, 2) >= (1, 3), () < (0,))
print((1, "b") < (1, "c"), ("a", 2) > ("a", 1), (1, 2.5) < (1, 3))
print(max((1, 9), (2, 0), (1, 10)), min((3, "a"), (3, "A"), (4, "")))
people = [("smith", "john", 40), ("doe", "jane", 31), ("smith", "anna", 25), ("doe", "adam", 31)]
for p in sorted(people):
    print(p)
print(sorted(people, reverse=True)[0])
scores = [(90, "ann"), (85, "bob"), (90, "aaron"), (70, "cid")]
scores.sort(reverse=True)
print(scores)
versions = [(1, 10, 0), (1, 2, 3), (1, 2), (0, 99, 99), (1, 2, 10)]
print(sorted(versions))
print(max(versions), min(versions))
def newer(v1, v2):
    return v1 > v2
print(newer((2, 0), (1, 99)), newer((1, 0), (1, 0)))
events = [(3, "c"), (1, "a"), (2, "b"), (1, "z")]
events.sort()
for when, what in events:
    print(when, what)
print((1, (2, 3)) < (1, (2, 4)), ((1, 2), 3) > ((1, 1), 9))
print((0, 0) < (0, 0), (0, 0) > (0, 0), not (0, 0) < (0, 0))
