# Big integers: the digits of pi by Gibbons' unbounded spigot (the
# Benchmarks Game's pidigits), whose state grows to thousands of digits, and
# factorials summed digit by digit.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 3000


def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < n:
        if 4 * q + r - t < m * t:
            digits.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return digits


digits = pi_digits(N)
for i in range(0, len(digits), 50):
    print("".join(str(d) for d in digits[i:i + 50]))

f = 1
total = 0
for i in range(1, N // 3 + 1):
    f *= i
    total += f % 1000003
print(total, f.bit_length(), len(str(f)) if f.bit_length() < 14000 else f % (2**61 - 1))
