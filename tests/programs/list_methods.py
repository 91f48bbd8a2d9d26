# list methods: append pop insert extend index reverse (sort is in list_sort_key_reverse.py).
a = []
a.append(1)
a.append("two")
a.append([3])
print(a, len(a))
print(a.pop(), a)
a.extend([4, 5, 6])
print(a)
a.extend((7, 8))
a.extend("ab")
print(a)
a.insert(0, "first")
a.insert(3, "middle")
a.insert(100, "last")
a.insert(-1, "before-last")
print(a)
print(a.pop(0), a.pop(2), a.pop(-1), a.pop())
print(a)
print(a.index(4), a.index("two"), a.index(1))
nums = [5, 3, 8, 3, 1]
print(nums.index(3), nums.index(1))
nums.reverse()
print(nums)
r = nums.reverse()
print(r, nums)
stack = []
for c in "abc":
    stack.append(c)
out = ""
while len(stack) > 0:
    out += stack.pop()
print(out)
queue = [1, 2, 3]
queue.append(4)
first = queue.pop(0)
print(first, queue)
x = [1, 2]
y = x.append(3)
print(y, x)
z = x.extend([])
print(z, x)
items = []
for i in range(5):
    items.insert(0, i)
print(items)
items.insert(2, 99)
print(items, items.index(99))
words = ["a"]
words.extend(words)
print(words)
print([1, 2, 3].pop(1), [[1, 2]].pop()[1])
big = list(range(10))
while len(big) > 3:
    big.pop(len(big) // 2)
print(big)
