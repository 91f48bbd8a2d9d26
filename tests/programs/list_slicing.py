# list slicing: read slices with steps and negative indices; slices are copies.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7])
print(a[::2], a[1::3], a[::-1], a[8:1:-2], a[-1:-5:-1])
print(a[5:2], a[20:], a[-20:2], a[2:2], a[3:-3])
b = a[1:4]
b[0] = 100
print(a[1], b)
print(a[:] == a, a[:] is a)
words = ["zero", "one", "two", "three", "four", "five"]
print(words[1:3], words[-2:], words[::-2])
for i in range(0, len(words), 2):
    print(words[i:i + 2])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(matrix[1:], matrix[:1][0][1:], matrix[::-1])
column = []
for row in matrix:
    column.append(row[1])
print(column)
t = (0, 1, 2, 3, 4, 5)
print(t[1:4], t[::-1], t[::3], t[-2:], t[10:])
s = "sliced"
print(s[1:-1], list(s[::2]))
window = 3
data = [4, 8, 15, 16, 23, 42]
for start in range(len(data) - window + 1):
    chunk = data[start:start + window]
    print(start, chunk, sum(chunk))
def rotate(xs, k):
    k = k % len(xs)
    return xs[k:] + xs[:k]
print(rotate([1, 2, 3, 4, 5], 2), rotate([1, 2, 3, 4, 5], -1), rotate([1, 2, 3], 7))
half = len(data) // 2
print(data[:half], data[half:], data[:half] + data[half:] == data)
print(data[1:5:2], data[-1:0:-2], data[5:0:-5])
