# List building with append, then iteration with a for loop and with sum().
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000


def build(n):
    items = []
    i = 0
    while i < n:
        items.append(i * 3 % 1000)
        i += 1
    return items


def total(items):
    t = 0
    for x in items:
        t += x
    return t


items = build(N)
loop_total = total(items)
builtin_total = sum(items)
print(f"list_sum {N}: len={len(items)} loop={loop_total} sum={builtin_total} same={loop_total == builtin_total}")
