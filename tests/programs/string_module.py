# The string module (lib/string.py, frozen into the binary): its constants,
# capwords, and what importing a frozen module looks like.
import string
from string import ascii_letters, digits as DIGITS

print(string.ascii_lowercase)
print(string.ascii_uppercase)
print(ascii_letters == string.ascii_letters, DIGITS)
print(string.hexdigits, string.octdigits)
print(string.punctuation)
print(repr(string.whitespace))
print(len(string.printable), repr(string.printable[-10:]))
print(string.capwords("hello   big  world"))
print(string.capwords("a-b-c d", "-"))
print(string.__name__, string.__file__)
print(string)
print([n for n in sorted(dir(string)) if n.startswith("ascii")])
print("z" in string.ascii_lowercase, "Z" in string.ascii_lowercase)
