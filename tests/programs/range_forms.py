# range with one, two and three arguments, negative steps, empty ranges, len and list.
print(list(range(5)))
print(list(range(2, 7)))
print(list(range(0, 20, 5)))
print(list(range(10, 0, -3)))
print(list(range(5, 5)), list(range(5, 0)), list(range(0, 5, -1)))
print(list(range(-3, 3)), list(range(-1, -10, -2)))
print(len(range(10)), len(range(3, 9, 2)), len(range(0)))
print(list(range(3))[1], list(range(100, 90, -2))[-1])
total = 0
for i in range(1, 101, 2):
    total += i
print("sum of odds", total)
for i in range(3, 0, -1):
    print("countdown", i)
print("liftoff")
n = 0
for i in range(0):
    n += 1
print(n)
print(sum(range(101)), max(range(7)), min(range(4, 9)))
print(3 in list(range(5)), 5 in list(range(5)))
squares = []
for i in range(1, 6):
    squares.append(i ** 2)
print(squares)
for i in range(len(squares)):
    squares[i] = -squares[i]
print(squares)
print(list(range(-5, 5, 3)), list(range(5, -5, -3)))
print(sorted(range(5), reverse=True), list(reversed(list(range(4)))))
