# str.maketrans (one, two and three arguments) and str.translate over code
# points in several scripts; bytes.maketrans and bytes.translate; errors.

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

accents = str.maketrans("àâçéèêëîïôûüÿ", "aaceeeeiiouuy")
for text in ["Ça été très ambiguë", "Noël à l'hôtel", "crème brûlée"]:
    print(text, "->", text.translate(accents))
greek = str.maketrans({"α": "a", "β": "b", "γ": "g", "ς": "s", "σ": "s"})
print("αβγ σς".translate(greek))
print("日本語のテキスト".translate({ord("日"): "月", ord("の"): None, ord("語"): 0x1F600}))
print("Straße".translate(str.maketrans({"ß": "ss"})))
print("hello world".translate(str.maketrans("lo", "01", " ")))
print(sorted(str.maketrans("ab", "cd", "xy").items()))
print(sorted("".maketrans({"a": 1, 98: "x", "c": None}).items(), key=lambda kv: kv[0]))
show("list table", lambda: "abc".translate([]))
show("str table", lambda: "abc".translate("xyz"))
show("int table", lambda: "abc".translate(1))
show("float value", lambda: "abc".translate({97: 1.5}))
show("range", lambda: "abc".translate({97: 0x110000}))
show("no arg", lambda: "abc".translate())
show("len 2 key", lambda: str.maketrans({"ab": 1}))
show("float key", lambda: str.maketrans({1.5: 1}))
show("one str", lambda: str.maketrans("a"))
show("first int", lambda: str.maketrans(1, "a"))
show("second int", lambda: str.maketrans("a", 1))
show("third int", lambda: str.maketrans("a", "b", 1))
show("unequal", lambda: str.maketrans("ab", "c"))
show("none", lambda: str.maketrans())
show("four", lambda: str.maketrans(1, 2, 3, 4))

class Upper:
    def __getitem__(self, c):
        if 97 <= c <= 122:
            return c - 32
        raise LookupError(c)

print("mixed Ünï 123".translate(Upper()))
table = bytes.maketrans(b"abc", b"xyz")
print(len(table), table[95:101])
print(b"aabbcc".translate(table), b"abc".translate(None, b"b"), b"abc".translate(table, delete=b"a"))
show("bytes unequal", lambda: bytes.maketrans(b"a", b"xy"))
show("bytes str", lambda: bytes.maketrans("a", b"x"))
show("bytes short", lambda: b"abc".translate(b"x"))
show("bytes int", lambda: b"abc".translate(1))
show("bytes none", lambda: b"abc".translate())
show("bytes kw only", lambda: b"abc".translate(delete=b"a"))
show("bytes delete str", lambda: b"abc".translate(None, "b"))
