# TypeError when concatenating str and int at module level, after some output.
count = 3
print("count is", count)
label = "items: " + count
print(label)
