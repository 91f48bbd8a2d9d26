# repr vs str: quotes and escapes for strings, nested containers, floats.
print(repr("hello"), str("hello"))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr("tab\there"), repr("new\nline"), repr("back\\slash"), repr(""))
print(repr(1), repr(-2.5), repr(True), repr(None), repr(0.1 + 0.2))
print(repr([1, "a", 2.0, None]), repr((1,)), repr(()), repr({"k": "v"}))
print(["it's", 'q"uote', "a\nb", "\t"])
print(("x",), {"key": ("t", 1)}, {1: [None, True]})
print(repr(repr("a")), str(repr("a")), repr(str(1)))
print([repr(x) for x in [1, "1", 1.0]])
print("a" + repr("b") + "c")
print(repr([[], [[]], {}]), repr({"n": {"m": {}}}))
print(repr(-0.0), repr(1e16), repr(1e-7), repr(float("inf")))
print(str(["str inside list"]), str(("tuple", "of", "str")))
print(repr("\\n is not a newline"), len("\\n"), len("\n"))
print(repr("mixed 'single' only"), repr("'"), repr('"'))
items = {"name": "O'Brien", "tags": ["a", "b"], "score": 9.5}
print(items)
print(repr(items) == str(items))
values = [0, -1, 2.5, "two", None, False, [], (), {}]
for v in values:
    print(str(v), "|", repr(v), "|", str(v) == repr(v))
print(repr([values[3], [values[3]]]))
