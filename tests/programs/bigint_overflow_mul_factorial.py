# 20! fits in int64, 21! does not: the *= in the loop overflows two frames deep.
def factorial(n):
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result
def table(limit):
    for n in range(15, limit + 1):
        print(n, factorial(n))
table(25)
