# binary search: iterative, recursive, leftmost insertion point, integer square root.
def binary_search(xs, target):
    lo, hi = 0, len(xs) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid, steps
        elif xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps
def search_rec(xs, target, lo, hi):
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if xs[mid] == target:
        return mid
    if xs[mid] < target:
        return search_rec(xs, target, mid + 1, hi)
    return search_rec(xs, target, lo, mid - 1)
def lower_bound(xs, target):
    lo, hi = 0, len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo
data = [n * 3 for n in range(100)]
for t in [0, 3, 150, 297, 298, -1, 1000]:
    print(t, binary_search(data, t), search_rec(data, t, 0, len(data) - 1))
dups = [1, 2, 2, 2, 3, 5, 5, 8]
for t in [0, 2, 4, 5, 8, 9]:
    print("lower_bound", t, lower_bound(dups, t))
def isqrt(n):
    hi = 1
    while hi * hi <= n:
        hi *= 2
    lo = 0
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo
for n in [0, 1, 15, 16, 17, 99, 1000000, 999999999999]:
    print("isqrt", n, isqrt(n))
words = sorted(["pear", "apple", "fig", "kiwi", "banana", "cherry"])
print(words, binary_search(words, "kiwi"), binary_search(words, "grape"))
def find_root(lo, hi):
    for i in range(60):
        mid = (lo + hi) / 2
        if mid * mid * mid - 2 > 0:
            hi = mid
        else:
            lo = mid
    return lo
print(round(find_root(0.0, 2.0), 10))
