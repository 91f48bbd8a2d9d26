# str edge cases that differed from CPython: split(None, maxsplit) keeps the
# rest of the string, search bounds past the end and empty needles, repr of
# non-printable characters.
s = "  a b  c  "
for n in [-2, -1, 0, 1, 2, 3, 4]:
    print(n, s.split(None, n), s.split(maxsplit=n), "a,b,,c,".split(",", n))
print("  a\tb \n c  ".split(None, 1), "x  ".split(None, 1), "x  y".split(None, 1))
print("   ".split(None, 0), "".split(None, 0), " x".split(None, 0), "".split(",", 0))
print("a\x1cb\x1dc\x1ed\x1fe".split(), repr("\x1c a \x1f".strip()), "\x1c\x1f\x0b\x0c".isspace())
t = "abcab"
bounds = [None, -9, -5, -2, 0, 1, 3, 5, 6, 9]
for sub in ["", "a", "ab", "b", "cab", "x"]:
    print("needle", repr(sub), "find/rfind/count with end over", bounds)
    for b in bounds:
        row = []
        for e in bounds:
            row.append(str(t.find(sub, b, e)) + "/" + str(t.rfind(sub, b, e)) + "/" + str(t.count(sub, b, e)))
        print(" ", b, " ".join(row))
for sub in ["", "a", "ab", "b", "cab"]:
    print("needle", repr(sub), "startswith/endswith with end over", bounds)
    for b in bounds:
        row = ""
        for e in bounds:
            row += " " + "FT"[t.startswith(sub, b, e)] + "FT"[t.endswith(sub, b, e)]
        print(" ", b, row)
for b in [-10, -1, 0, 2, 3, 4, 10]:
    print(b, "abc".find("", b), "abc".rfind("", b), "abc".count("", b), "abc".startswith("", b),
          "abc".endswith("", b), "abc".find("c", b), "abc".count("c", b))
print("abc".count(""), "abc".count("", 10), "abc".startswith("", 3), "abc".startswith("", 4))
print("abc".endswith("", 5), "abc".endswith("", 3), "abc".find("", 3), "abc".find("", 4))
print("".find(""), "".find("", 1), "".count(""), "".count("", 0, 0), "".startswith(""), "".endswith("", 1))
print("abc".startswith(("x", "b"), 1), "abc".endswith(("x", "b"), 0, 2), "abc".startswith((), 0))
for call in [lambda: "abc".index("", 3), lambda: "abc".index("", 4), lambda: "abc".rindex("", 4),
             lambda: "abcabc".rindex("b", -3), lambda: "abc".rindex("a", 1), lambda: "abc".index("c", -1, 3),
             lambda: "abc".find("a", "x"), lambda: "abc".count("a", 0, 1.5), lambda: "abc".startswith("a", None, "x"),
             lambda: "abc".startswith(("a", 1)), lambda: "abc".startswith((1, "a")), lambda: "abc".endswith(("x", 2)),
             lambda: "abc".endswith(["c"]), lambda: "abc".split(None, "x")]:
    try:
        print("ok", call())
    except ValueError as e:
        print("ValueError", e)
    except TypeError as e:
        print("TypeError", e)
codes = [0, 7, 8, 9, 10, 11, 12, 13, 27, 31, 32, 39, 92, 126, 127, 128, 133, 159, 160, 161, 173, 233,
         0x377, 0x378, 0x4E2D, 0x200B, 0x2028, 0x3000, 0xE000, 0xFEFF, 0xFFFD, 0xFFFF,
         0x1F600, 0xE0001, 0xF0000, 0x10FFFF]
for c in codes:
    print(hex(c), repr(chr(c)), repr("<" + chr(c) + ">"), [chr(c), "x"])
print(repr("tab\there\x00nul\x7fdel\x80\x9f\xa0nbsp\xadshy caf\xe9 \u4e2d\u6587 \U0001f600"))  # subset-ok: non-printable characters are the point
print(["\x85", "\u2029", "ok", "it's", "\x1b[0m"], ("\xff", "\u0100"), {"\x9b": "\x00"})  # subset-ok: non-printable characters are the point
print(f"{chr(1) + chr(0x90)!r}", "{!r}".format("\x08\u200e"), f"{chr(0xD800)!r}")  # subset-ok: non-printable characters are the point
print(repr('"\'\x00'), repr("'\x7f"), repr('"\x80'))  # subset-ok: non-printable characters are the point
