# ValueError from int() on a string that is not a number.
inputs = ["12", "7", "x9"]
total = 0
for s in inputs:
    total += int(s)
    print("running total", total)
