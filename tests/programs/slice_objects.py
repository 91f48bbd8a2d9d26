# slice objects: slice(stop), slice(start, stop[, step]), their start/stop/step
# attributes, indices() clamping to a length, using a slice object anywhere a
# [a:b:c] would go, slice assignment and deletion with slice objects.
s1 = slice(3)
s2 = slice(1, 5)
s3 = slice(None, None, -1)
s4 = slice(-3, None, 2)
print(s1, s2, s3, s4)
print(s1.start, s1.stop, s1.step, "|", s2.start, s2.stop, s2.step, "|", s4.start, s4.stop, s4.step)
print(type(s1).__name__, s2 == slice(1, 5), s2 == slice(1, 5, None), s2 == slice(1, 6))

data = list(range(10))
text = "abcdefghij"
tup = tuple(text)
for s in [s1, s2, s3, s4, slice(2, 8, 3), slice(-2, -8, -2), slice(100, 200)]:
    print(repr(s), data[s], repr(text[s]), tup[s] == tuple(text[s]), data[s] == data[s.start:s.stop:s.step])

# indices(length) gives the concrete (start, stop, step) for a sequence of that length.
print(slice(None).indices(10), slice(-3, None).indices(10), slice(2, 100, 3).indices(10))
print(slice(None, None, -1).indices(5), slice(-100, 100).indices(4), slice(5, 1).indices(3))
print(list(range(*slice(1, None, 2).indices(7))), len(range(*slice(None, None, -2).indices(9))))

# The same slice object works for several sequences.
first_three = slice(0, 3)
names = ["ann", "bob", "cid", "dee"]
print(names[first_three], "python"[first_three], b"bytes"[first_three], range(10)[first_three])

# Named slices make fixed-width records readable.
record = "20240131ACME   0012.50"
DATE = slice(0, 8)
NAME = slice(8, 15)
PRICE = slice(15, None)
print(record[DATE], record[NAME].strip(), float(record[PRICE]))

# Assignment and deletion with slice objects.
nums = list(range(8))
nums[slice(0, 2)] = ["a", "b", "c"]
print(nums)
nums[slice(None, None, 3)] = [0, 0, 0]
print(nums)
del nums[slice(1, None, 2)]
print(nums)
try:
    nums[slice(None, None, 2)] = [1]
except ValueError as e:
    print("ValueError:", e)

# Slice objects are not hashable in 3.11 and steps cannot be zero.
try:
    hash(slice(1, 2))
except TypeError as e:
    print("TypeError:", e)
try:
    data[slice(0, 5, 0)]
except ValueError as e:
    print("ValueError:", e)
try:
    data[slice("a", 2)]
except TypeError as e:
    print("TypeError:", e)

# Any values are allowed when building the object; only use checks them.
odd = slice("x", [1], 2.5)
print(odd.start, odd.stop, odd.step)
