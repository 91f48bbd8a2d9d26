# minipy-only: CPython has big ints; MiniPy's ints are int64 and overflow raises OverflowError.
# Counts and bounds past the largest int: a range too long to iterate, a
# slice of a range whose new stop would leave int64, and enumerate's count.
M = 9223372036854775807
try:
    for i in range(-M - 1, M):
        break
except OverflowError as e:
    print("iterating:", e)
try:
    print(range(M - 9, M, 5)[:])
except OverflowError as e:
    print("slicing:", e)
print(range(M - 10, M, 5)[:])
e = enumerate('ab', M)
print(next(e))
print(next(e))
