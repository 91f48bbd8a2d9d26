# IndexError from an off-by-one loop.
values = [10, 20, 30]
i = 0
while i <= len(values):
    print(values[i])
    i += 1
