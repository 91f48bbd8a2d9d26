# ord() decodes one code point and counts code points in its error.
for s in ["a", "é", "ß", "日", "😀"]:
    print(s, ord(s), hex(ord(s)), chr(ord(s)) == s)
for s in ["ab", "éé", "日本語", ""]:
    try:
        ord(s)
    except TypeError as e:
        print(e)
