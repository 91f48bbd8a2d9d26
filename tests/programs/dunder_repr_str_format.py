# __repr__, __str__ and __format__: which one print, str(), repr(), f-strings,
# format() and containers use, the fallbacks between them, and the default
# object format rejecting a non-empty spec.
class Both:
    def __repr__(self):
        return "Both()"

    def __str__(self):
        return "a Both"

class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"

class StrOnly:
    def __str__(self):
        return "just str"

b = Both()
r = ReprOnly()
print(b, r)
print(str(b), repr(b), str(r), repr(r))
print([b, r], (b,), {"k": b})
print(f"{b} {r}", f"{b!r} {b!s}", "{} {!r}".format(b, b))
print(str(StrOnly()), [str(x) for x in [StrOnly(), b]])
print(repr(StrOnly()).startswith("<__main__.StrOnly object at 0x"))
print("x" + str(b) + "y", str([1, "a"]), repr("a"), str("a"))

# __format__ receives the spec after the colon.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        units = self.cents // 100
        rest = self.cents % 100
        text = str(units) + "." + ("0" + str(rest))[-2:]
        if spec == "":
            return "$" + text
        if spec == "words":
            return str(units) + " dollars and " + str(rest) + " cents"
        return format("$" + text, spec)

    def __repr__(self):
        return "Money(" + str(self.cents) + ")"

m = Money(1234)
print(f"{m}", f"{m:words}", f"[{m:>10}]", f"[{m:<10}]", format(m), "[" + format(m, "^11") + "]")
print("{0} and {0:words}".format(m), "{:>8}".format(Money(5)), str(m))

# The default __format__ is str() for an empty spec, an error otherwise.
print(format(b), f"{b}", format(r, ""))
try:
    format(b, ">10")
except TypeError as e:
    print("TypeError:", e)
try:
    f"{r:x}"
except TypeError as e:
    print("TypeError:", e)

# __repr__ and __str__ must return str.
class BadRepr:
    def __repr__(self):
        return 42

class BadStr:
    def __str__(self):
        return None

try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
try:
    str(BadStr())
except TypeError as e:
    print("TypeError:", e)
try:
    print(BadStr())
except TypeError as e:
    print("TypeError:", e)

# Built-in types format by their own rules.
print(format(3.14159, ".2f"), format(42, "05d"), format("hi", "*^6"), format(True), format(None))

# A recursive __repr__ that uses the reprs of its children.
class Node:
    def __init__(self, value, children):
        self.value = value
        self.children = children

    def __repr__(self):
        if not self.children:
            return "Node(" + repr(self.value) + ")"
        return "Node(" + repr(self.value) + ", " + repr(self.children) + ")"

tree = Node("root", [Node(1, []), Node("x", [Node(2.5, [])])])
print(tree)
print(str(tree) == repr(tree))
