# heapq and bisect: the heap layout CPython's algorithms give, merge,
# nlargest/nsmallest with keys, and bisect/insort with lo, hi and key.
import heapq
import bisect
from heapq import heappush, heappop, heapify

h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heappush(h, x)
print(h)
print([heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapify(data)
print(data)
print(heapq.heapreplace(data, 10), heapq.heappushpop(data, -1), heapq.heappushpop(data, 11), data)
tasks = []
for prio, name in [(3, "write"), (1, "plan"), (2, "code"), (1, "coffee")]:
    heappush(tasks, (prio, name))
print([heappop(tasks) for _ in range(len(tasks))])
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3, 6, 9])))
print(list(heapq.merge(["b", "d"], ["a", "c", "e"], key=str.upper)), list(heapq.merge([5, 1], [4, 2], reverse=True)))
nums = [14, 3, 27, 8, 3, 19, 42, 1, 16]
print(heapq.nlargest(3, nums), heapq.nsmallest(3, nums), heapq.nlargest(1, nums), heapq.nsmallest(20, nums))
people = [("ann", 31), ("bob", 25), ("cid", 40), ("dee", 25)]
print(heapq.nsmallest(2, people, key=lambda p: p[1]), heapq.nlargest(2, people, key=lambda p: p[1]))
print(heapq.nlargest(2, iter(nums)), heapq.nsmallest(0, nums))
try:
    heappop([])
except IndexError as e:
    print("IndexError:", e)

# A running median with two heaps.
low, high, medians = [], [], []
for x in [5, 15, 1, 3, 8, 7, 9, 10]:
    heappush(low, -x)
    heappush(high, -heappop(low))
    if len(high) > len(low):
        heappush(low, -heappop(high))
    medians.append(-low[0] if len(low) > len(high) else (-low[0] + high[0]) / 2)
print(medians)

a = [1, 2, 4, 4, 4, 7, 9]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 10))
print(bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 3), bisect.bisect_left(a, 5, lo=2, hi=6))
b = []
for x in [5, 1, 4, 1, 3]:
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 4)
bisect.insort_right(b, 2, 0, 3)
print(b)
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ("d", 4), key=lambda r: r[1])
print(recs)


def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print("ValueError:", e)
