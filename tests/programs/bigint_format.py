# Format specs on ints past int64: grouping, bases, alignment, sign, zero
# padding, the float types, and CPython's errors; values around 2**53,
# 2**63 and 2**64.
values = [2**53, 2**53 + 1, 2**63 - 1, 2**63, 2**64, -2**63, -2**63 - 1, -2**64, 2**80, -2**70 - 12345]
for v in values:
    print(f"{v:,}", f"{v:_}", f"{v:x}", f"{v:#X}", f"{v:o}", f"{v:#b}")
    print(f"{v:_x}", f"{v:#_o}", f"{v:+d}", f"{v: d}", f"{v:>32}|", f"{v:<32}|", f"{v:^32}|")
    print(f"{v:=+40,}", f"{v:040_}", f"{v:*^45_x}", f"{v:e}", f"{v:.3g}", f"{v:.2f}", f"{v:%}")
print(format(-2**70, '>40d'), format(2**70, 'n'), format(2**64, ''), format(2**100, 'E'))
print("{:,} {:x} {:>30b}".format(2**70, -2**70, 2**65))
print("{0:#x} {0:#o} {1:,d}".format(2**64 + 255, -10**25))
print(f"{2**70:_b}", f"{2**64:z}" if False else "skip", f"{10**30:,}")
for spec in ("c", ".3", "z", "s", "+c", "#c", ",x", "5.2d"):
    try:
        print(spec, format(2**70, spec))
    except (ValueError, OverflowError) as e:
        print(spec, type(e).__name__, e)
try:
    print(format(2**1100, "f"))
except OverflowError as e:
    print("OverflowError", e)
try:
    print(format(10**5000, ","))
except ValueError as e:
    print("ValueError", str(e)[:60])
print(format(2**(5000 * 4), "x")[:20], len(format(2**20000, "x")))
