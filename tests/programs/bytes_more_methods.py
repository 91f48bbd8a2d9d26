# The bytes methods that share stringlib with str: rsplit, partition,
# rpartition, splitlines (only \n, \r and \r\n), removeprefix/removesuffix,
# expandtabs, center/ljust/rjust/zfill, ASCII title/capitalize/swapcase,
# istitle, isascii, with CPython's argument errors.

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

data = "café 日本 😀".encode()
show("utf8 rsplit", lambda: data.rsplit(None, 1))
show("utf8 partition", lambda: data.partition(b" "))
show("utf8 rpartition", lambda: data.rpartition(b" "))
show("rsplit", lambda: b"a,b,,c".rsplit(b",", 1))
show("rsplit ws", lambda: b"  a b  c ".rsplit())
show("rsplit kw", lambda: b"a b c".rsplit(maxsplit=1))
show("rsplit empty", lambda: b"ab".rsplit(b""))
show("rsplit str", lambda: b"ab".rsplit("a"))
show("partition miss", lambda: b"ab".partition(b"x"))
show("rpartition miss", lambda: b"ab".rpartition(b"x"))
show("partition str", lambda: b"ab".partition("a"))
show("partition empty", lambda: b"ab".partition(b""))
show("partition none", lambda: b"ab".partition())
show("splitlines", lambda: b"a\r\nb\rc\nd\x0be\x1cf\x85g".splitlines())
show("splitlines keepends", lambda: b"a\r\nb\rc\n".splitlines(keepends=True))
show("splitlines two", lambda: b"a".splitlines(1, 2))
show("removeprefix", lambda: [b"abc".removeprefix(b"ab"), b"abc".removeprefix(b"x"), b"abc".removesuffix(b"bc")])
show("removeprefix str", lambda: b"abc".removeprefix("a"))
show("removesuffix none", lambda: b"abc".removesuffix())
show("expandtabs", lambda: [b"a\tbc\td".expandtabs(), b"a\tb".expandtabs(3), b"x\ty".expandtabs(tabsize=0)])
show("pad", lambda: [b"ab".center(7, b"*"), b"ab".ljust(5), b"ab".rjust(5, b"."), b"abc".center(2)])
show("pad str fill", lambda: b"ab".center(5, "x"))
show("pad long fill", lambda: b"ab".ljust(5, b"xy"))
show("pad none", lambda: b"ab".center())
show("pad float", lambda: b"ab".ljust(1.5))
show("zfill", lambda: [b"-42".zfill(6), b"+".zfill(3), b"7".zfill(0)])
show("zfill none", lambda: b"1".zfill())
show("case", lambda: [b"hello wORLD 9x".title(), b"hELLO World".capitalize(), b"HeLLo \xc3\xa9".swapcase()])
show("istitle", lambda: [b"Hello World".istitle(), b"Hello world".istitle(), b"".istitle(), b"1A".istitle()])
show("isascii", lambda: [b"abc".isascii(), b"\x80".isascii(), b"".isascii()])
show("title arg", lambda: b"a".title(1))
show("count", lambda: [b"aaaa".count(b"aa"), b"abab".count(b"b", 2), b"abc".count(b"", 1)])
show("replace empty", lambda: b"ab".replace(b"", b"-"))
show("strip", lambda: [b"  x \n".strip(), b"xxayxx".strip(b"x"), b"ab".rstrip(None)])
