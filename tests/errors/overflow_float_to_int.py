# OverflowError that CPython raises too: converting an infinite float to int.
big = 1e308
values = [1.5, big, big * 10]
for v in values:
    print(int(v) if v < 1e300 else "huge")
print(int(values[2]))
