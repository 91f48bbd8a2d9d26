# Repeating an empty sequence, or repeating any sequence zero or fewer times,
# copies nothing, so it is immediate however large the count.
big = 2 ** 40
huge = 2 ** 62
print(repr('' * big), repr(b'' * big), [] * big, () * big)
print(repr(huge * ''), repr(huge * b''), huge * [], huge * ())
print(repr('abc' * 0), repr(b'abc' * 0), [1, 2] * 0, (1, 2) * 0)
print(repr('abc' * -huge), repr(b'abc' * -huge), [1, 2] * -huge, (1, 2) * -huge)
s = ''
s *= huge
b = b''
b *= huge
l = []
l *= huge
t = ()
t *= huge
print(repr(s), repr(b), l, t)
print(len('' * big), len([] * huge), len(() * huge))
print('ab' * 3, b'ab' * 3, [0] * 3, (0,) * 3)
