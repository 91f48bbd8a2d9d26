# String indexing with positive and negative indices; iteration over characters.
s = "Hello, World"
print(s[0], s[1], s[4], s[-1], s[-2], s[-12])
print(len(s), s[len(s) - 1])
i = 0
out = ""
while i < len(s):
    out = out + s[i] + "."
    i += 2
print(out)
for ch in "abc":
    print(ch, ord(ch))
word = "python"
print(word[0] + word[-1])
print(word[2] * 3)
letters = []
for i in range(-1, -len(word) - 1, -1):
    letters.append(word[i])
print(letters)
print("".join(letters))
count = 0
for ch in s:
    if ch == "l" or ch == "o":
        count += 1
print("l/o count", count)
print("x"[0], "xy"[-1], "xyz"[1])
digits = "0123456789"
n = 4096
text = ""
while n > 0:
    text = digits[n % 10] + text
    n = n // 10
print(text, len(text))
print(s[7:][0], s[:5][-1])
vowels = "aeiou"
sentence = "the quick brown fox jumps over the lazy dog"
found = ""
for c in sentence:
    if c in vowels and c not in found:
        found += c
print(found)
print(sentence[4], sentence[-3], sentence[10 // 2])
