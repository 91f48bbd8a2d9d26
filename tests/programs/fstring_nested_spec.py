# f-strings: replacement fields nested in the format spec, the !a
# conversion, and the self-documenting `=` forms; str.format with !a and
# nested fields; ascii().

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

x = 3.14159
width = 10
prec = 3
name = "Zoë"
print(f"[{x:{width}.{prec}}]")
print(f"[{x:{width}.{prec}f}]")
print(f"[{name:>{width}}]")
print(f"[{name:{'^'}{width}}]")
print(f"[{name:*^{width + 2}}]")
print(f"[{12345678:{','}}] [{12345678:{'_'}d}]")
print(f"[{'日本':{'>'}{6}}]")
for w in range(3, 7):
    print(f"|{'é':{w}}|{w:0{w}d}|")
align = "<"
fill = "·"
print(f"[{'ß':{fill}{align}5}]")
print(f"{x!r:>{width}}|{name!a:{width}}|{name!s:^{width}}|")
print(f"{name!a} {'日本'!a} {'😀'!a} {[name]!a}")
print(f"{x=}")
print(f"{x = }")
print(f"{x= }")
print(f"{x =}")
print(f"{x=!r:>10}")
print(f"{x=:.2f}")
print(f"{name=!s}")
print(f"{name=!a}")
print(f"{x=:{width}.{prec}}")
print(f"{width + prec = }")

class Money:
    def __format__(self, spec):
        return "Money(" + spec + ")"

print(f"{Money():{width}.{prec}}")
print(f"{Money():>{width}}")
print(f"{Money()!s:.3}" if False else "skip")

print("{0!a} {0!r} {0!s}".format("é"))
print("{:{}}|".format("ab", 5))
print("{:{}.{}}|".format(x, width, prec))
print("{0:{1}{2}}|".format(name, ">", 8))
print("{a[0]} {a[1]!a} {b.real}".format(a=["x", "ü"], b=3))
print(ascii("café"), ascii(["日", "😀"]), ascii(1), ascii("plain"))
show("ascii two", lambda: ascii(1, 2))
show("bad spec", lambda: f"{x:{'q'}}")
show("spec type", lambda: f"{x:{None}}")
