# String concatenation with += in a loop, plus a little str() and slicing.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 3000000


def build(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
        if i % 1000 == 999:
            s += ","
    return s


s = build(N)
print(f"string_build {N}: len={len(s)} head={s[:12]} tail={s[-12:]} commas={s.count(',')}")
