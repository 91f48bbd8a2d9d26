# integer <-> Roman numeral conversion with lists of tuples and dict lookups.
PAIRS = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
def to_roman(n):
    out = ""
    for value, sym in PAIRS:
        while n >= value:
            out += sym
            n -= value
    return out
def from_roman(s):
    total = 0
    for i in range(len(s)):
        v = VALUES[s[i]]
        if i + 1 < len(s) and VALUES[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total
for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999, 444, 1666]:
    r = to_roman(n)
    print(n, r, from_roman(r))
ok = True
for n in range(1, 4000):
    if from_roman(to_roman(n)) != n:
        ok = False
        print("mismatch", n)
print("round trip 1..3999:", ok)
longest = max([len(to_roman(n)) for n in range(1, 4000)])
print("longest numeral length:", longest, [n for n in range(1, 4000) if len(to_roman(n)) == longest])
print([to_roman(n) for n in range(1, 13)])
print(sorted(["XII", "IX", "MC", "IV", "L"], key=from_roman))
