# while loops with break and continue; loop variables after the loop.
i = 0
while i < 5:
    print("i =", i)
    i += 1
print("after", i)
n = 27
steps = 0
while n != 1:
    if n % 2 == 0:
        n = n // 2
    else:
        n = 3 * n + 1
    steps += 1
print("collatz(27) steps:", steps)
count = 0
while True:
    count += 1
    if count % 2 == 0:
        continue
    if count > 9:
        break
    print("odd", count)
print("count", count)
a, b = 0, 1
fibs = []
while a < 100:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
stack = [1, 2, 3, 4]
while stack:
    top = stack.pop()
    print("popped", top)
print(stack)
x = 100
while x > 1:
    x //= 3
    print(x)
outer = 0
while outer < 3:
    inner = 0
    while inner < 3:
        if inner == outer:
            inner += 1
            continue
        print(outer, inner)
        inner += 1
    outer += 1
never = 0
while False:
    never += 1
print("never", never)
s = "abcdef"
pos = 0
while pos < len(s) and s[pos] != "d":
    pos += 1
print("found d at", pos)
