# The smallest int64 has no positive counterpart: negating it overflows.
smallest = -9223372036854775807 - 1
print(smallest)
print(smallest + 1)
print(-(smallest + 1))
print(-smallest)
