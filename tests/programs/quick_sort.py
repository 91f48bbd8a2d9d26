# quicksort: functional version with comprehensions and in-place Lomuto partition version.
def quicksort(xs):
    if len(xs) <= 1:
        return xs
    pivot = xs[len(xs) // 2]
    less = [x for x in xs if x < pivot]
    equal = [x for x in xs if x == pivot]
    greater = [x for x in xs if x > pivot]
    return quicksort(less) + equal + quicksort(greater)
def partition(xs, lo, hi):
    pivot = xs[hi]
    i = lo
    for j in range(lo, hi):
        if xs[j] < pivot:
            xs[i], xs[j] = xs[j], xs[i]
            i += 1
    xs[i], xs[hi] = xs[hi], xs[i]
    return i
def quicksort_inplace(xs, lo=0, hi=None):
    if hi is None:
        hi = len(xs) - 1
    if lo < hi:
        p = partition(xs, lo, hi)
        quicksort_inplace(xs, lo, p - 1)
        quicksort_inplace(xs, p + 1, hi)
    return xs
print(quicksort([3, 6, 8, 10, 1, 2, 1]))
print(quicksort_inplace([3, 6, 8, 10, 1, 2, 1]))
print(quicksort(list("quicksort")), quicksort([]), quicksort([0.5, -0.5, 0.0]))
seed = 2024
data = []
for i in range(300):
    seed = (seed * 214013 + 2531011) % 4294967296
    data.append((seed // 65536) % 1000)
a = quicksort(data)
b = quicksort_inplace(data[:])
print(a[:12])
print(a == b, a == sorted(data))
def kth_smallest(xs, k):
    pivot = xs[0]
    lows = [x for x in xs if x < pivot]
    pivots = [x for x in xs if x == pivot]
    highs = [x for x in xs if x > pivot]
    if k < len(lows):
        return kth_smallest(lows, k)
    if k < len(lows) + len(pivots):
        return pivot
    return kth_smallest(highs, k - len(lows) - len(pivots))
print(kth_smallest(data, 0), kth_smallest(data, 150), kth_smallest(data, 299))
print(sorted(data)[150])
