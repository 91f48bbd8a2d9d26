# insertion sort (in place), also by key and descending; selection sort for comparison.
def insertion_sort(xs, key=None, reverse=False):
    for i in range(1, len(xs)):
        item = xs[i]
        k = key(item) if key else item
        j = i - 1
        while j >= 0:
            other = key(xs[j]) if key else xs[j]
            if (other < k) if reverse else (other > k):
                xs[j + 1] = xs[j]
                j -= 1
            else:
                break
        xs[j + 1] = item
    return xs
def selection_sort(xs):
    for i in range(len(xs)):
        smallest = i
        for j in range(i + 1, len(xs)):
            if xs[j] < xs[smallest]:
                smallest = j
        xs[i], xs[smallest] = xs[smallest], xs[i]
    return xs
print(insertion_sort([9, 7, 5, 3, 1, 2, 4, 6, 8]))
print(insertion_sort([9, 7, 5, 3, 1, 2, 4, 6, 8], reverse=True))
words = ["kiwi", "fig", "banana", "apple", "date", "plum"]
print(insertion_sort(words[:], key=len))
print(insertion_sort(words[:], key=lambda w: w[-1]))
print(selection_sort(words[:]))
people = [("ann", 31), ("bob", 25), ("cid", 31), ("dan", 19)]
print(insertion_sort(people[:], key=lambda p: p[1]))
print(insertion_sort(people[:], key=lambda p: p[1], reverse=True))
seed = 7
data = []
for i in range(30):
    seed = (seed * 48271) % 2147483647
    data.append(seed % 1000 - 500)
a = insertion_sort(data[:])
b = selection_sort(data[:])
print(a)
print(a == b, a == sorted(data), len(a))
print(insertion_sort([]), insertion_sort([1]), selection_sort([2, 1]))
