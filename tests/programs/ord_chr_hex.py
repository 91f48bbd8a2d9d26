# ord, chr and hex over the ASCII range and for integers (incl. negative hex).
print(ord("A"), ord("a"), ord("0"), ord(" "), ord("~"), ord("\n"))
print(chr(65), chr(97), chr(48), chr(32) + "|", chr(126))
print([ord(c) for c in "Hello"])
print("".join([chr(n) for n in [80, 121, 116, 104, 111, 110]]))
print(chr(ord("a") + 1), chr(ord("Z") - 25), ord(chr(100)))
print(hex(0), hex(1), hex(15), hex(16), hex(255), hex(4096), hex(-1), hex(-255))
print(hex(9223372036854775807), hex(-9223372036854775807 - 1), hex(3735928559))
print(hex(True), hex(ord("z")))
alphabet = ""
for i in range(26):
    alphabet += chr(ord("a") + i)
print(alphabet)
upper = ""
for ch in "mixed Case 123":
    if ord("a") <= ord(ch) <= ord("z"):
        upper += chr(ord(ch) - 32)
    else:
        upper += ch
print(upper)
def checksum(s):
    total = 0
    for ch in s:
        total = (total * 31 + ord(ch)) % 1000000007
    return total
print(checksum("hello"), checksum("world"), hex(checksum("abc")))
for code in range(33, 48):
    print(code, hex(code), chr(code))
print([hex(n) for n in [10, 100, 1000]])
print(hex(255)[2:], len(hex(65535)), hex(-16)[0])
