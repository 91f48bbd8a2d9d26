# nested for/while loops: multiplication table, triangle patterns, pair search.
for i in range(1, 6):
    line = ""
    for j in range(1, 6):
        cell = str(i * j)
        line += " " * (3 - len(cell)) + cell
    print(line)
for i in range(1, 5):
    print("*" * i)
for i in range(4, 0, -1):
    print(" " * (4 - i) + "#" * (2 * i - 1))
target = 10
nums = [1, 3, 5, 7, 9]
found = []
for i in range(len(nums)):
    for j in range(i + 1, len(nums)):
        if nums[i] + nums[j] == target:
            found.append((nums[i], nums[j]))
print(found)
count = 0
for a in range(1, 20):
    for b in range(a, 20):
        for c in range(b, 20):
            if a * a + b * b == c * c:
                print("triple", a, b, c)
                count += 1
print(count, "triples")
row = 0
while row < 3:
    col = 0
    cells = []
    while col < 3:
        cells.append("(" + str(row) + "," + str(col) + ")")
        col += 1
    print(" ".join(cells))
    row += 1
done = False
for i in range(5):
    for j in range(5):
        if i * j == 6:
            done = True
            break
    if done:
        break
print("stopped at", i, j)
