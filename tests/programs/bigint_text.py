# int <-> str conversions of big ints in bases 2 to 36, and the 4300-digit limit.
n = 3**200 + 12345
for base in range(2, 37):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    m = n
    s = ""
    while m:
        s = digits[m % base] + s
        m //= base
    back = int(s, base)
    print(base, s[:20], back == n, int("-" + s.upper(), base) == -n)
print(int("18446744073709551616"), int("-18446744073709551617"), int("  +99999999999999999999999  "))
print(int("1_000_000_000_000_000_000_000"), int("0x1" + "0" * 20, 16), int("0b" + "1" * 70, 0), int("0o7777777777777777777777777", 0))
print(int(b"123456789012345678901234567890"), int("zzzzzzzzzzzzzzzzzzzzzz", 36))
print(str(2**64), repr(-(2**64)), f"{2**64}", str(10**50))
print(int(2**70), int(-(2**70)), type(int("9223372036854775808")), int("9223372036854775807") + 1)
try:
    int("1" * 4301)
except ValueError as e:
    print("ValueError:", e)
print(len(str(int("9" * 4300))))
try:
    str(10**4300)
except ValueError as e:
    print("ValueError:", e)
print(len(str(10**4299)))
print(int("1" * 5000, 2).bit_length(), len(hex(2**20000)))
try:
    int("12345678901234567890x")
except ValueError as e:
    print("ValueError:", e)
