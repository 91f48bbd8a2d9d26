# Adding 1 to the largest int64 at module level.
x = 9223372036854775807
print(x)
print(x - 1 + 1)
y = x + 1
print(y)
