# recursion: factorial, fibonacci, mutual recursion, recursion on lists and strings, moderate depth.
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
print([fact(i) for i in range(11)])
print(fact(20))
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(15)])
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)
def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)
print(is_even(10), is_odd(7), is_even(7))
def total(xs):
    if not xs:
        return 0
    return xs[0] + total(xs[1:])
print(total([1, 2, 3, 4, 5]))
def reverse(s):
    if len(s) <= 1:
        return s
    return reverse(s[1:]) + s[0]
print(reverse("recursion"))
def flatten(x):
    if not isinstance(x, list):
        return [x]
    out = []
    for item in x:
        out.extend(flatten(item))
    return out
print(flatten([1, [2, [3, [4, [5]]]], 6, [[7]]]))
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(500))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3), ackermann(1, 5))
def binary(n):
    if n < 2:
        return str(n)
    return binary(n // 2) + str(n % 2)
print(binary(0), binary(5), binary(255), binary(1024))
def permutations(s):
    if len(s) <= 1:
        return [s]
    result = []
    for i in range(len(s)):
        for p in permutations(s[:i] + s[i + 1:]):
            result.append(s[i] + p)
    return result
print(permutations("abc"))
print(len(permutations("abcde")))
def power_set(xs):
    if not xs:
        return [[]]
    rest = power_set(xs[1:])
    return rest + [[xs[0]] + r for r in rest]
print(power_set([1, 2, 3]))
