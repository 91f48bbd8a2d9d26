# Ranges, slices and membership at the ends of the int64 range: lengths,
# strides and distances that leave int64 while every value stays inside it.
# CPython raises OverflowError for len() of a range longer than the largest
# size, as MiniPy does.
M = 9223372036854775807
m = -M - 1

try:
    print(len(range(m, M)))
except OverflowError as e:
    print('OverflowError:', e)
print(bool(range(m, M)), range(m, M) == range(m, M))
print(list(range(M, m, m)), len(range(M, m, m)))
print(list(range(m, M, M)), len(range(m, M, M)))
print(list(range(M - 9, M, 5)), list(range(m + 9, m, -5)))
for i in range(M - 9, M, 5):
    print('for', i)
for i in range(m + 9, m, -5):
    print('for', i)
print(list(range(0, M, M // 2)))
print(list(reversed(range(M, m + 1, -(2 ** 62)))))
print(range(M, m, m)[1], range(M, m, m)[-1], range(M - 9, M, 5)[-1])
print(m in range(M, m - 0, -1), M in range(m, M), M - 1 in range(m, M))
print(-1 in range(M, m, m), 0 in range(M, m, m), m + 1 in range(M, m, m))
print(M in range(m, M, M), -1 in range(m, M, M))
print([1, 2, 3][::m], [1, 2, 3][::-M], [1, 2, 3][::M], [1, 2, 3][2::M])
print('abc'[::m], 'abc'[2::M], b'abc'[::m], b'abc'[2::M], (1, 2, 3)[::m], (1, 2, 3)[2::M])
print(range(10)[::m], range(10)[::M], range(10)[2::M])
print(slice(None, None, m).indices(3))
l = [1, 2, 3]
l[2::M] = ['x']
l[::m] = ['y']
print(l)
del l[1::M]
print(l)
print(list(enumerate('ab', M - 1)))
