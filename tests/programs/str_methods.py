# str methods: upper lower strip startswith endswith replace find.
s = "  Hello World  "
print("[" + s.strip() + "]")
print(s.upper(), s.lower())
t = s.strip()
print(t.startswith("Hello"), t.startswith("World"), t.endswith("World"), t.endswith("d"))
print(t.startswith(""), t.endswith(""), "".startswith("a"))
print(t.replace("World", "There"), t.replace("l", "L"), t.replace("xyz", "!"))
print("aaaa".replace("a", "b"), "aaaa".replace("aa", "b"), "abc".replace("", "-"))
print(t.find("o"), t.find("World"), t.find("z"), t.find(""), t.find("Hello"))
print("banana".find("an"), "banana".find("na"), "banana".find("nan"), "banana".find("x"))
print("MiXeD 123 case!".upper(), "MiXeD 123 case!".lower())
print("\t\n spaced \n".strip() + "|")
print("".strip() == "", "   ".strip() == "")
print("abc".upper().lower().upper())
email = "user@example.com"
at = email.find("@")
print(email[:at], email[at + 1:], email.endswith(".com"))
files = ["main.py", "notes.txt", "setup.py", "README"]
for f in files:
    if f.endswith(".py"):
        print("python:", f)
    elif f.find(".") == -1:
        print("no extension:", f)
    else:
        print("other:", f)
url = "http://example.org/path"
if url.startswith("http://"):
    url = "https://" + url[len("http://"):]
print(url)
text = "the cat sat on the mat"
print(text.replace("the", "a"), text.find("at"), text.find("the"))
print(text.upper().find("SAT"), text.replace(" ", ""))
count = 0
pos = text.find("at")
while pos != -1:
    count += 1
    text = text[pos + 2:]
    pos = text.find("at")
print("occurrences of 'at':", count)
print("Hello".lower() == "hello", "ABC".lower() < "abd")
