# recursive merge sort (stable), merging sorted lists, counting inversions.
def merge(left, right):
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out
def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    return merge(merge_sort(xs[:mid]), merge_sort(xs[mid:]))
print(merge_sort([38, 27, 43, 3, 9, 82, 10]))
print(merge_sort(["d", "a", "c", "b"]), merge_sort([]), merge_sort([1]))
print(merge([1, 4, 9], [2, 3, 10, 11]))
def count_inversions(xs):
    if len(xs) <= 1:
        return xs, 0
    mid = len(xs) // 2
    left, a = count_inversions(xs[:mid])
    right, b = count_inversions(xs[mid:])
    merged = []
    i = j = 0
    inv = a + b
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            inv += len(left) - i
            j += 1
    merged += left[i:] + right[j:]
    return merged, inv
print(count_inversions([2, 4, 1, 3, 5]))
print(count_inversions([5, 4, 3, 2, 1])[1], count_inversions(list(range(10)))[1])
seed = 99
data = []
for i in range(200):
    seed = (seed * 1664525 + 1013904223) % 4294967296
    data.append(seed % 10000)
s = merge_sort(data)
print(s[:10], s[-5:])
print(s == sorted(data), len(s))
print(count_inversions(data)[1])
