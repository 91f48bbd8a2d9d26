# list.sort and sorted with key= and reverse=; sort stability.
a = [5, 2, 9, 1, 5, 6]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
r = a.sort()
print(r)
words = ["banana", "Apple", "cherry", "date", "fig", "elderberry"]
words.sort()
print(words)
words.sort(key=len)
print(words)
words.sort(key=len, reverse=True)
print(words)
words.sort(key=lambda w: w.lower())
print(words)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "y"), (3, "c")]
pairs.sort()
print(pairs)
pairs.sort(key=lambda p: p[1])
print(pairs)
pairs.sort(key=lambda p: p[0], reverse=True)
print(pairs)
records = [("ann", 31), ("bob", 25), ("cid", 31), ("dan", 25), ("eve", 40)]
by_age = sorted(records, key=lambda r: r[1])
print(by_age)
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records, key=lambda r: -r[1]))
print(sorted([3.5, -1, 2, 0.5]), sorted([-3, 2, -1], key=abs))
print(sorted("hello"), sorted("hello", reverse=True))
print(sorted((3, 1, 2)), sorted({"b": 1, "a": 2}))
def last_char(s):
    return s[-1]
names = ["xa", "yc", "zb", "wa"]
print(sorted(names, key=last_char))
nums = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]
nums.sort(key=lambda n: n % 3)
print(nums)
empty = []
empty.sort()
print(empty, sorted([]))
lists = [[3, 1], [1, 2, 3], [2], [1, 1]]
lists.sort(key=lambda l: l[0])
print(lists)
print(sorted(lists, key=len))
scores = {"ann": 90, "bob": 72, "cid": 85}
ranking = sorted(scores, key=lambda k: scores[k], reverse=True)
print(ranking)
print(sorted([True, False, 2, 1, 0]))
