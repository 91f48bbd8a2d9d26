# for loops over strings, tuples, ranges and lists of lists.
for ch in "abc":
    print(ch)
for t in (1, "two", 3.0):
    print(t)
for i in range(3):
    print("range", i)
for row in [[1, 2], [3, 4]]:
    for v in row:
        print(v, end=" ")
    print()
word = "Mississippi"
upper = 0
for ch in word:
    if ch == ch.upper():
        upper += 1
print("uppercase letters:", upper)
letters = ""
for ch in "h e l l o":
    if ch != " ":
        letters += ch
print(letters)
nums = (3, 1, 4, 1, 5, 9, 2, 6)
largest = nums[0]
for n in nums:
    if n > largest:
        largest = n
print("largest", largest)
for pair in ((1, 2), (3, 4)):
    print(pair, pair[0] + pair[1])
for a, b in ((1, 2), (3, 4)):
    print(a * b)
for ch in "":
    print("never")
out = []
for part in "a-b-c".split("-"):
    out.append(part.upper())
print(out)
items = ["x", "y"]
for it in items:
    if len(items) < 4:
        items.append(it + "!")
print(items)
count = 0
for x in [[], [1], [1, 2]]:
    for y in x:
        count += 1
print(count)
