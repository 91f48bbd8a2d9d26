# Bitwise operators on big and negative ints (two's complement, infinite sign).
vals = [0, 1, -1, 5, -5, 2**63 - 1, -(2**63), 2**63, 2**64, -(2**64), 2**100 + 12345, -(2**100) - 777]
for a in vals:
    print(a, ~a, a >> 1, a >> 3, a >> 64, a >> 200, a << 1, a << 63, a << 64, a.bit_length())
    for b in vals:
        print(" ", a & b, a | b, a ^ b)
print(-7 >> 1, -1 >> 100, -(2**64) >> 64, -(2**64) - 1 >> 64, 1 << 100, -1 << 100)
try:
    print(1 << -1)
except ValueError as e:
    print("ValueError:", e)
try:
    print(2**64 >> -1)
except ValueError as e:
    print("ValueError:", e)
print(hex(2**64), hex(-(2**64)), oct(2**70), bin(2**65 + 1), bin(-(2**65)), hex(-1), bin(0))
print((2**64).bit_length(), (-(2**64)).bit_length(), (2**64 - 1).bit_length(), (1).bit_length())
