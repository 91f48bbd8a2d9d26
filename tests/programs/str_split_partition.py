# rsplit, partition, rpartition, removeprefix/removesuffix, expandtabs,
# splitlines with every Unicode line boundary, padding in code points, and
# Unicode whitespace in split() and strip(): text in several scripts.

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

words = [("café crème", "caf"), ("Straße groß", "Straß"), ("Ελληνικά κείμενα", "Ελλ"), ("日本語 の テキスト", "日本"), ("emoji 😀 🎉 ok", "emoji 😀")]
for w, head in words:
    show("rsplit", lambda: w.rsplit())
    show("rsplit1", lambda: w.rsplit(None, 1))
    show("rsplit sep", lambda: w.rsplit(" ", 1))
    show("partition", lambda: w.partition(" "))
    show("rpartition", lambda: w.rpartition(" "))
    show("center", lambda: w.center(20, "·"))
    show("ljust", lambda: w.ljust(18, "*"))
    show("rjust", lambda: w.rjust(18))
    show("zfill", lambda: w.zfill(16))
    show("removeprefix", lambda: w.removeprefix(head))
    show("removesuffix", lambda: w.removesuffix("ok"))

show("rsplit maxsplit", lambda: "a,b,,c,".rsplit(",", 2))
show("rsplit ws", lambda: "  a  b  c  ".rsplit(None, 1))
show("rsplit kw", lambda: "a b c".rsplit(maxsplit=1, sep=" "))
show("rsplit empty", lambda: "abc".rsplit(""))
show("rsplit int", lambda: "abc".rsplit(1))
show("split int", lambda: "abc".split(1))
show("partition miss", lambda: "abc".partition("x"))
show("rpartition miss", lambda: "abc".rpartition("x"))
show("partition empty", lambda: "abc".partition(""))
show("partition int", lambda: "abc".partition(1))
show("partition none", lambda: "abc".partition())
show("removeprefix int", lambda: "abc".removeprefix(1))
show("removeprefix all", lambda: "abc".removeprefix("abc"))
show("removesuffix none", lambda: "abc".removesuffix())
# Bytes 0x85 and 0xA0 inside 'Å' (C3 85) and 'à' (C3 A0) are not U+0085/U+00A0.
show("continuation split", lambda: ["xàyÅz".split(), "aà Å".rsplit(), "xà yÅ".split(None, 1), "àÅ".strip()])
show("continuation lines", lambda: ["Åà\nÅ".splitlines(), "à\x85Å".splitlines(True)])
show("unicode spaces", lambda: " \u3000a\xa0b\u2003c\x85".split())
show("unicode rsplit", lambda: " \u3000a\xa0b\u2003c ".rsplit(None, 1))
show("unicode strip", lambda: "\u3000\u2028 mid \xa0".strip())
show("strip chars", lambda: "ééaéé".strip("é"))
show("lstrip chars", lambda: "日日本日".lstrip("日"))
show("isspace", lambda: ["\u2028".isspace(), "\xa0 ".isspace(), "a ".isspace(), "".isspace()])
show("isascii", lambda: ["abc".isascii(), "café".isascii(), "".isascii()])
show("replace empty", lambda: "日本".replace("", "|"))
show("replace count", lambda: "ßßß".replace("ß", "ss", 2))
show("count", lambda: "ababab".count("ab", 1))
show("count end", lambda: "ababab".count("ab", 0, -1))
lines = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x1deight\x1enine\x85ten\u2028eleven\u2029twelve"
show("splitlines", lambda: lines.splitlines())
show("splitlines keepends", lambda: lines.splitlines(True))
show("splitlines kw", lambda: "a\n\nb\n".splitlines(keepends=True))
show("splitlines empty", lambda: "".splitlines())
show("expandtabs", lambda: "a\tbc\tdéf\tg".expandtabs())
show("expandtabs 4", lambda: "日\t本\n\tx".expandtabs(4))
show("expandtabs kw", lambda: "a\tb".expandtabs(tabsize=2))
show("expandtabs 0", lambda: "a\tb".expandtabs(0))
show("expandtabs str", lambda: "a\tb".expandtabs("x"))
show("center odd", lambda: ["ab".center(5, "-"), "abc".center(6, "-"), "x".center(4)])
show("fill two", lambda: "ab".center(6, "ab"))
show("zfill signs", lambda: ["-42".zfill(6), "+7".zfill(4), "x".zfill(3), "é".zfill(3)])
show("fromkeys", lambda: dict.fromkeys("abc"))
show("fromkeys value", lambda: dict.fromkeys(["日", "本"], 0))
show("fromkeys shared", lambda: dict.fromkeys([1, 2], []))
show("fromkeys instance", lambda: {}.fromkeys((3, 4), "x"))
show("fromkeys none", lambda: dict.fromkeys())
show("fromkeys int", lambda: dict.fromkeys(1))

class Counted(dict):
    def __setitem__(self, key, value):
        print("set", key)
        dict.__setitem__(self, key, value)

d = Counted.fromkeys("ab", 1)
print(type(d).__name__, d)
