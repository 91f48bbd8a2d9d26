# recursion depth: 900 nested calls work; unbounded recursion raises a catchable RecursionError.
def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1
print(depth(100), depth(900))
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("caught RecursionError:", e)
print("still running after the RecursionError")
print(depth(900))
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print("mutual recursion:", e)
def sum_list(xs):
    if not xs:
        return 0
    return xs[0] + sum_list(xs[1:])
print(sum_list(list(range(500))))
count = 0
def counted(n):
    global count
    count += 1
    if n > 0:
        counted(n - 1)
counted(800)
print("calls made:", count)
