# input() and sys.stdin, fed from stdin_input.in: the prompt goes to
# stdout, the line comes back without its newline, EOFError at the end.
import sys

name = input("Your name? ")
print("Hello,", name)
count = int(input())
total = 0
for i in range(count):
    total += int(input("number: "))
print("total", total)
print(repr(sys.stdin.readline()))
rest = []
for line in sys.stdin:
    rest.append(line.rstrip("\n"))
    if line.startswith("stop"):
        break
print(rest)
print(repr(sys.stdin.read()))
try:
    input("last? ")
except EOFError as e:
    print("EOFError:", e)
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
sys.stdout.write("written by sys.stdout.write\n")
print(sys.stdout.write("abc"), sys.stdout.write("\n"))
sys.stdout.flush()
print("to stdout", file=sys.stdout, flush=True)
print(sys.stdin.name, sys.stdout.name, sys.stderr.name, sys.stdout.mode, sys.stdin.readable(), sys.stdout.writable())

class Collector:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        self.parts.append("<flush>")
c = Collector()
print("a", 1, 2.5, sep="-", end="!\n", file=c)
print(file=c, flush=True)
print(c.parts)
print(sys.maxsize, sys.byteorder, sys.platform, sys.version_info[:2] >= (3, 8), sys.float_info.max, sys.float_info.epsilon)
print(sys.float_info.dig, sys.float_info.mant_dig, sys.getrecursionlimit())
