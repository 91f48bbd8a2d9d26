# Case mappings and predicates follow Unicode as CPython 3.11 does.
samples = ["café", "Straße", "İstanbul", "ǆemal", "ΟΔΥΣΣΕΥΣ", "ὈΔΥΣΣΕΎΣ", "ﬁsh ﬂour",
           "hello wORLD", "ÀÉÎÕÜ àéîõü", "Σ", "ΑΣ Σ.", "ΑΣ'Σ", "ß", "ŉ", "ǰ", "ΐ",
           "dž Dž DŽ", "ﬀ", "i̇", "ꭰ", "Ꭰ", "42", "x²", "½", "١٢٣", "Ⅻ", "𝟘", "", " ",
           "they're bill's friends", "ⓐⓑ", "Ⓐ", "ǅungla", "ĳssel", "ʼn"]
for s in samples:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
    print(" ", [s.isalpha(), s.isalnum(), s.isdecimal(), s.isdigit(), s.isnumeric(),
                s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isprintable(), s.isspace()])
    print(" ", len(s.upper()), len(s.lower()), len(s.casefold()))
print("Straße".casefold() == "STRASSE".casefold(), "ß".upper().lower())
print([w for w in ["über", "_x1", "1x", "ñ", "a-b", "日本", "x·y", "℘", "·"] if w.isidentifier()])
print("ΣΑΣ ΣΑΣ".lower(), "ΑΣΑ".lower(), "Σ.Σ".lower(), "aΣ".lower(), "AΣb".lower())
counts = {}
for cp in range(0x250):
    c = chr(cp)
    key = (c.isalpha(), c.isupper(), c.islower(), c.isdigit(), c.isspace())
    counts[key] = counts.get(key, 0) + 1
print(sorted(counts.items()))
print("".join(c for c in map(chr, range(0xC0, 0x180)) if c.isupper()))
print("".join(chr(cp).upper() for cp in range(0xDF, 0x100)))
