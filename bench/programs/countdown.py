# Tightest possible loop: compare, subtract, store, jump. Run once at module
# level (global variable) and once inside a function (local variable).
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 3000000

n = N
while n > 0:
    n -= 1


def countdown(k):
    steps = 0
    while k > 0:
        k -= 1
        steps += 1
    return steps


steps = countdown(N)
print(f"countdown {N}: module n={n} function steps={steps}")
