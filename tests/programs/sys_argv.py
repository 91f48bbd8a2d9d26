# sys.argv: the harness passes no arguments, so argv[1:] is empty; argv[0] is the script path.
import sys
print(sys.argv[1:])
print(len(sys.argv))
print(len(sys.argv[1:]) == 0)
print(sys.argv[0].endswith("sys_argv.py"))
print(isinstance(sys.argv, list), isinstance(sys.argv[0], str))
args = sys.argv[1:]
if args:
    print("arguments:", " ".join(args))
else:
    print("no arguments given")
names = []
for a in sys.argv[1:]:
    names.append(a.upper())
print(names)
count = 0
for i in range(1, len(sys.argv)):
    count += 1
print("counted", count)
def parse_flags(argv):
    flags = {}
    for arg in argv:
        if arg.startswith("--"):
            key = arg[2:]
            flags[key] = True
    return flags
print(parse_flags(sys.argv[1:]))
print(parse_flags(["--verbose", "file.txt", "--fast"]))
