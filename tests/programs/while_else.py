# while ... else: else runs when the condition becomes false, not after break.
def find(xs, target):
    i = 0
    while i < len(xs):
        if xs[i] == target:
            print("found", target, "at", i)
            break
        i += 1
    else:
        print(target, "not found")
find([4, 5, 6], 5)
find([4, 5, 6], 7)
find([], 1)
n = 0
while n < 3:
    n += 1
else:
    print("loop finished with n =", n)
while False:
    print("never")
else:
    print("else runs even when the body never runs")
def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return True
    return False
print([k for k in range(30) if is_prime(k)])
attempts = 0
while attempts < 5:
    attempts += 1
    if attempts == 10:
        break
else:
    print("gave up after", attempts)
i = 0
while i < 3:
    j = 0
    while j < 3:
        if i + j == 3:
            break
        j += 1
    else:
        print("inner completed for i =", i)
    i += 1
k = 10
while k > 0:
    k -= 4
    if k < 0:
        continue
else:
    print("continue does not skip else, k =", k)
