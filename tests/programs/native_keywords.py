# Keyword arguments of built-in functions and methods: those that declare
# keywords (print, sorted, list.sort, str.split, int's base, dict(**kw), ...)
# accept them; an unknown one is "an invalid keyword argument"; a built-in
# that declares none says it "takes no keyword arguments" instead of
# silently ignoring them.
def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except TypeError as e:
        print(label, "-> TypeError:", e)

# Keywords that are accepted.
print("a", "b", sep="-", end="!\n")
print(sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len))
words = ["pear", "fig", "apple"]
words.sort(key=len, reverse=True)
print(words)
print("a,b,,c".split(sep=","), "a b c d".split(maxsplit=2), "x-y-z".split("-", maxsplit=1))
print(int("ff", base=16), int("777", 8), int("101", base=2))
print(dict(one=1, two=2), min([4, 2, 8], key=lambda v: -v), max([], default="empty"))
print(sum([1, 2, 3], start=10), list(enumerate("ab", start=1)), round(2.675, ndigits=1), round(number=7.5))
print("one\ntwo\n".splitlines(keepends=True), "{a}+{b}".format(a=1, b=2))
d = {}
d.update(x=1, y=2)
print(d, "abc".encode(encoding="ascii"), b"hi".decode(errors="strict"), str(b"ok", encoding="ascii"))

# Unknown keywords on built-ins that take some.
attempt("print(foo=1)", lambda: print(1, foo=2))
attempt("sorted(cmp=...)", lambda: sorted([], cmp=None))
attempt("[].sort(cmp=...)", lambda: [].sort(cmp=None))
attempt("split(sepp=...)", lambda: "a b".split(sepp=" "))
attempt("int(x=...)", lambda: int(x="5"))
attempt("min(foo=...)", lambda: min([1], foo=1))
attempt("sum(begin=...)", lambda: sum([1], begin=2))
attempt("enumerate(first=...)", lambda: enumerate([], first=1))
attempt("round(digits=...)", lambda: round(1.5, digits=1))
attempt("encode(codec=...)", lambda: "a".encode(codec="ascii"))
attempt("bytes(foo=...)", lambda: bytes(foo=1))
attempt("split twice", lambda: "a b".split(" ", sep=" "))

# Built-ins that take no keywords at all.
attempt("find(end=...)", lambda: "abc".find("b", end=1))
attempt("append(x=...)", lambda: [].append(x=1))
attempt("len(obj=...)", lambda: len(obj=[]))
attempt("get(default=...)", lambda: {}.get(1, default=2))
attempt("pop(index=...)", lambda: [1].pop(index=0))
attempt("replace(count=...)", lambda: "aa".replace("a", "b", count=1))
attempt("isinstance(x=...)", lambda: isinstance(1, int, x=1))
attempt("set.add(x=...)", lambda: set().add(x=1))
attempt("bit_length(x=...)", lambda: (5).bit_length(x=1))
attempt("range(stop=...)", lambda: range(stop=3))
attempt("list(x=...)", lambda: list(x=[1]))
attempt("ValueError(x=...)", lambda: ValueError("a", x=1))
attempt("bytes.fromhex(string=...)", lambda: bytes.fromhex(string="00"))
attempt("str.upper via class", lambda: str.upper("a", x=1))
attempt("bound method", lambda: [].copy(deep=True))

# A keyword passed through ** is checked the same way.
options = {"reverse": True, "key": abs}
print(sorted([-3, 1, -2], **options))
attempt("**{'bad': 1}", lambda: sorted([], **{"bad": 1}))
attempt("append(**{'x': 1})", lambda: [].append(**{"x": 1}))
