# round (banker's rounding, ndigits, negative ndigits) and divmod identities.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.4999, 2.5001]:
    print(v, round(v))
for v in [3.14159, 2.71828, 1.005, 0.5, 123.456, -9.87654]:
    print(v, round(v, 0), round(v, 1), round(v, 2), round(v, 3))
for n in [1234, 1250, 1350, -1250, 5, 15, 25, 95]:
    print(n, round(n, -1), round(n, -2))
print(round(5), round(-5), round(5, 2), round(0.0), round(-0.0, 1))
print(isinstance(round(2.5), int), isinstance(round(2.5, 0), float), isinstance(round(2, 1), int))
for a in [17, -17, 0, 100]:
    for b in [5, -5, 1, 3]:
        q, r = divmod(a, b)
        print(a, b, q, r, q * b + r == a, q == a // b, r == a % b)
print(divmod(7.0, 2), divmod(-7.0, 2), divmod(7, 0.5), divmod(1.5, 0.4))
def to_base(n, base):
    if n == 0:
        return "0"
    digits = "0123456789abcdef"
    out = ""
    while n > 0:
        n, d = divmod(n, base)
        out = digits[d] + out
    return out
for n in [0, 5, 255, 1000, 65535]:
    print(n, to_base(n, 2), to_base(n, 8), to_base(n, 16))
cents = 123456
dollars, rem = divmod(cents, 100)
print(str(dollars) + "." + ("0" if rem < 10 else "") + str(rem))
