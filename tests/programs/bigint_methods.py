# round() of ints, int.to_bytes/from_bytes, bit_count, as_integer_ratio,
# float.is_integer/hex/fromhex/as_integer_ratio; values around 2**53, 2**63
# and 2**64, and each method's errors.
for v in (2**53, 2**53 + 1, 2**63 - 1, 2**63, 2**64 + 50, -2**63, -2**64 - 150, 2**70 + 1, 12345, -25, 35):
    print(v, round(v), round(v, 2), round(v, -1), round(v, -2), round(v, -5), round(v, -30))
    print(v.bit_count(), v.bit_length(), v.as_integer_ratio(), round(v, 2**70))
print(round(2**70 + 1, -5), round(-2**70 - 50, -2), round(2**63 - 1, -1), round(-2**63, -1), round(5 * 10**20, -21))
print(round(15 * 10**19, -20), round(25 * 10**19, -20), round(-25 * 10**19, -20))
for n in (0, 1, 255, 256, 2**63 - 1, 2**64 - 1, 2**64):
    print(n.to_bytes(9, "big"), n.to_bytes(9, "little"), n.to_bytes(10, byteorder="big", signed=True))
for n in (-1, -128, -129, -2**63, -2**63 - 1, -2**71):
    print(n.to_bytes(10, "big", signed=True), n.to_bytes(10, "little", signed=True))
print((5).to_bytes(), (0).to_bytes(0, "big"), (-128).to_bytes(1, signed=True), (127).to_bytes(1, "big", signed=True))
for data in (b"", b"\x01\x00", b"\xff" * 8, b"\x80" + b"\x00" * 8, b"\x00" * 9 + b"\x01", bytes(range(20))):
    print(int.from_bytes(data, "big"), int.from_bytes(data, "little"), int.from_bytes(data, "big", signed=True),
          int.from_bytes(data, byteorder="little", signed=True), int.from_bytes(data))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes((255,), "little", signed=True), (7).from_bytes(b"\x07", "big"))
for call in (lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(2, "big"), lambda: (128).to_bytes(1, "big", signed=True),
             lambda: (-129).to_bytes(1, "big", signed=True), lambda: (2**64).to_bytes(8, "little"),
             lambda: (1).to_bytes(-1, "big"), lambda: (1).to_bytes(1, "middle"), lambda: (1).to_bytes(1, 5),
             lambda: (1).to_bytes(1, "big", True), lambda: int.from_bytes("ab", "big"),
             lambda: int.from_bytes(b"a", "sideways"), lambda: int.from_bytes(), lambda: (1).to_bytes("2"),
             lambda: round(2**70, 1.5), lambda: (1.5).as_integer_ratio() if False else float("inf").as_integer_ratio(),
             lambda: float("nan").as_integer_ratio(), lambda: float.fromhex("0x1p5000"), lambda: float.fromhex("1.2.3"),
             lambda: float.fromhex("0x"), lambda: float.fromhex("p1"), lambda: float.fromhex(5), lambda: (0).to_bytes(0, signed=True)):
    try:
        print(call())
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
for x in (0.0, -0.0, 0.1, 1.0, -2.5, 1e300, 5e-324, 2.0**53, 2.0**63, 2.0**64, 1.7976931348623157e308, 2.2250738585072014e-308, float("inf"), -float("inf"), float("nan")):
    print(x, x.is_integer(), x.hex(), float.fromhex(x.hex()) == x or x != x)
for x in (0.0, -0.0, 0.1, 0.75, -2.5, 1e300, 5e-324, 2.0**53 + 2, 2.0**64, 123456.789):
    print(x, x.as_integer_ratio())
for s in ("0x1.8p1", " -0X1.8P+1 ", "1p-1074", "0x1p-1080", "inf", "-Infinity", "nan", "0x.8", "0x1.", "ff", "0x1.fffffffffffff8p0",
          "0x1.00000000000008p0", "0x1.00000000000018p0", "0x3p-1076", "+0x0p0", "0x1_0p0" if False else "0x10p0", "1P10"):
    print(repr(s), float.fromhex(s))
