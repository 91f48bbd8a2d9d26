# bubble sort with early exit, counting swaps and passes; checks against sorted().
def bubble_sort(xs):
    xs = xs[:]
    n = len(xs)
    swaps = 0
    passes = 0
    while True:
        swapped = False
        passes += 1
        for i in range(n - 1):
            if xs[i] > xs[i + 1]:
                xs[i], xs[i + 1] = xs[i + 1], xs[i]
                swaps += 1
                swapped = True
        n -= 1
        if not swapped:
            break
    return xs, swaps, passes
cases = [
    [5, 1, 4, 2, 8],
    [1, 2, 3, 4, 5],
    [5, 4, 3, 2, 1],
    [],
    [42],
    [3, 3, 1, 1, 2, 2],
    [-1, 10, -20, 30, 0],
    ["pear", "apple", "fig", "banana"],
    [2.5, -1.0, 2.25, 0.0],
]
for case in cases:
    result, swaps, passes = bubble_sort(case)
    print(case, "->", result, "swaps:", swaps, "passes:", passes, result == sorted(case))
seed = 12345
data = []
for i in range(40):
    seed = (seed * 1103515245 + 12345) % 2147483648
    data.append(seed % 100)
print(data)
result, swaps, passes = bubble_sort(data)
print(result)
print(swaps, passes, result == sorted(data))
