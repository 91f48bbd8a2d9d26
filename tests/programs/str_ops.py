# String operators: + * len in not in, equality and ordering comparisons.
a = "foo"
b = "bar"
print(a + b, b + a, a + "" + b)
print(a * 3, 3 * b, a * 0, "ab" * -2, len("ab" * 50))
print(len(""), len(a), len(a + b))
print("o" in a, "x" in a, "fo" in a, "" in a, "foobar" in a)
print("oo" not in a, "z" not in b)
print(a == "foo", a != "foo", a == b)
print("a" < "b", "abc" < "abd", "abc" < "ab", "" < "a", "Z" < "a")
print("apple" <= "apple", "banana" > "apple", "b" >= "abc")
print(min("pear", "apple", "fig"), max("pear", "apple", "fig"))
print(sorted(["delta", "Alpha", "charlie", "bravo", "alpha"]))
s = ""
for i in range(5):
    s += str(i)
print(s)
s = "-" * 10
print(s)
line = "=" * 3 + ">" + " " * 2 + "<" + "=" * 3
print(line, len(line))
words = ["one", "two", "three"]
sentence = ""
for w in words:
    if sentence != "":
        sentence = sentence + " "
    sentence = sentence + w
print(sentence)
abc = "abc"
print("abc" == abc, abc is not None)
x = "ab"
y = x + "c"
print(y == "abc", y < "abd", y > "ab")
print("10" < "9", 10 < 9, "10" == str(10))
print(str(12) + str(3.5) + str(True) + str(None))
print(("=" * 5 + " ") * 2 + "end")
