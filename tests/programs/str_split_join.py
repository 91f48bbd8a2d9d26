# str.split (whitespace and explicit separator) and str.join.
print("a b  c\td\n e".split())
print("  leading and trailing  ".split())
print("".split(), "   ".split())
print("a,b,,c".split(","))
print(",a,".split(","), "abc".split(","), "".split(","))
print("one::two::three".split("::"))
print("k=v".split("="), "x==y".split("="))
print(", ".join(["x", "y", "z"]))
print("".join(["a", "b", "c"]), "-".join([]), "-".join(["solo"]))
print("+".join("abc"))
print(" ".join(("tuple", "of", "words")))
words = "the quick brown fox".split()
print(len(words), words[1], words[-1])
print(" ".join(words[::-1]))
csv = "name,age,city\nAda,36,London\nAlan,41,Wilmslow"
rows = csv.split("\n")
header = rows[0].split(",")
print(header)
for row in rows[1:]:
    fields = row.split(",")
    print(fields[0], "is", fields[1], "from", fields[2])
numbers = "3 14 15 92 65"
total = 0
for part in numbers.split():
    total += int(part)
print("total", total)
print("-".join([str(n) for n in range(5)]))
sentence = "  many   spaces   here  "
print("_".join(sentence.split()))
path = "/usr/local/bin/tool"
parts = path.split("/")
print(parts, len(parts))
print("/".join(parts[:-1]), parts[-1])
print("a b c".split(" "), "a  b".split(" "))
joined = ""
for w in ["alpha", "beta", "gamma"]:
    joined = ";".join([joined, w]) if joined else w
print(joined, joined.split(";"))
