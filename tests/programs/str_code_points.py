# A str is a sequence of code points: len, indexes, slices, iteration and
# search positions count characters, not UTF-8 bytes.
words = ["café", "naïve", "Ünïcödé", "日本語", "emoji 🐍 snake", "plain"]
for w in words:
    print(repr(w), len(w), w[0], w[-1], w[1:3], w[::-1], w[::2], w[-2::-2])
    print(list(w))
    print([c for c in reversed(w)])
    print(len(w.encode()), w.encode()[:4])

s = "Grüße aus Köln, schöne Grüße!"
print(s.find("Grüße"), s.rfind("Grüße"), s.index("Köln"), s.rindex("ö"))
print(s.find("ö", 10), s.find("ö", 10, 20), s.find("ö", -5), s.rfind("ü", 0, 10))
print(s.count("ö"), s.count("ö", 15), s.count(""), "é".count(""), s.count("", 40))
print(s.startswith("aus", 6), s.endswith("Köln", 0, 14), s.startswith("Grüße", -6))
print(s.find("", 29), s.find("", 30), s.find("", 31))
print(s.partition("Köln"), s.split("ö"))
for i, ch in enumerate("αβγ"):
    print(i, ch, ord(ch), chr(ord(ch) + 1))
print(max("café"), min("日本語"), sorted("naïve"))
print("".join(reversed("добрый день")))
print("é" * 3, len("é" * 3), ("ab" + "ç")[2])
t = ""
for ch in "über":
    t += ch
    print(len(t), t[-1], t)
print(chr(233), chr(0xff), chr(0x100), chr(0x1F40D), len(chr(0x1F40D)))
print("x".join("日本"), "日本" < "日本語", "é" > "z")
print(f"{'café':>8}|{'日本':^6}|{'ñ':*<4}|")
print("%-6s|%.2s|" % ("ßß", "ñandú"))
print("caféé"[3:], "caféé"[3:4], "caféé"[10:], "caféé"[-100:2])
print(list(range(len("ñandú"))), [ "ñandú"[i] for i in range(5)])
d = {}
for ch in "mississippi ñ ñ":
    d[ch] = d.get(ch, 0) + 1
print(d)
try:
    "café"[4]
except IndexError as e:
    print("IndexError:", e)
print("ab" in "xabé", "é" in "café", "cafe" in "café")
