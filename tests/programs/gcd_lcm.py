# gcd (Euclid, iterative and recursive), lcm, fraction reduction, extended Euclid.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
def gcd_rec(a, b):
    return a if b == 0 else gcd_rec(b, a % b)
def lcm(a, b):
    return a // gcd(a, b) * b
pairs = [(48, 18), (17, 5), (100, 75), (0, 9), (9, 0), (1071, 462), (-12, 18), (270, 192)]
for a, b in pairs:
    print(a, b, gcd(a, b), gcd_rec(abs(a), abs(b)), lcm(abs(a), abs(b)) if a and b else 0)
total = 1
for k in range(1, 21):
    total = lcm(total, k)
print("lcm(1..20) =", total)
def reduce(num, den):
    g = gcd(num, den)
    num, den = num // g, den // g
    if den < 0:
        num, den = -num, -den
    return num, den
print(reduce(6, 8), reduce(-10, 4), reduce(10, -4), reduce(0, 5), reduce(121, 11))
def add_fractions(a, b):
    return reduce(a[0] * b[1] + b[0] * a[1], a[1] * b[1])
h = (0, 1)
for k in range(1, 11):
    h = add_fractions(h, (1, k))
print("H(10) =", h[0], "/", h[1])
def ext_gcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = ext_gcd(b, a % b)
    return g, y, x - (a // b) * y
for a, b in [(240, 46), (35, 15), (17, 3)]:
    g, x, y = ext_gcd(a, b)
    print(a, b, g, x, y, a * x + b * y == g)
def mod_inverse(a, m):
    g, x, y = ext_gcd(a, m)
    return x % m if g == 1 else None
print(mod_inverse(3, 11), mod_inverse(10, 17), mod_inverse(6, 9))
coprime = [n for n in range(1, 31) if gcd(n, 30) == 1]
print(coprime, len(coprime))
