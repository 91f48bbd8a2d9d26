# text histograms with '*' bars: horizontal bars, scaled bars, vertical columns, buckets.
data = {"apples": 7, "pears": 3, "plums": 12, "kiwis": 0, "figs": 5}
width = max([len(k) for k in data])
for name, n in data.items():
    print(name + " " * (width - len(name)), "|", "*" * n, n)
print()
big = {"mon": 120, "tue": 45, "wed": 300, "thu": 87, "fri": 210}
peak = max(big.values())
for day, v in big.items():
    bar = "*" * round(v / peak * 30)
    print(f"{day:<4}{bar:<31}{v:>4}")
print()
heights = [3, 1, 4, 1, 5, 9, 2, 6]
for level in range(max(heights), 0, -1):
    print("".join([" * " if h >= level else "   " for h in heights]))
print("".join([f"{h:>2} " for h in heights]))
print()
seed = 42
rolls = []
for i in range(200):
    seed = (seed * 1103515245 + 12345) % 2147483648
    rolls.append((seed // 65536) % 6 + 1 + (seed // 4096) % 6 + 1)
counts = {}
for total in range(2, 13):
    counts[total] = 0
for r in rolls:
    counts[r] += 1
for total, n in counts.items():
    print(f"{total:>2} {n:>3} " + "*" * n)
print("sum of counts:", sum(counts.values()))
scores = [55, 67, 72, 88, 91, 45, 78, 83, 99, 60, 70, 71, 100, 38]
buckets = {}
for s in scores:
    lo = min(s // 10 * 10, 90)
    buckets[lo] = buckets.get(lo, 0) + 1
for lo in sorted(buckets):
    label = f"{lo}-{lo + 9 if lo < 90 else 100}"
    print(f"{label:>6}: " + "#" * buckets[lo])
