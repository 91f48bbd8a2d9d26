# String slicing: start/stop/step, negative indices and steps, out-of-range bounds.
s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-3])
print(s[-1:-4:-1], s[-4:-1], s[3:3], s[5:2], s[100:], s[:100])
print(s[-100:3], s[3:-100], s[-100:-50], s[2:8:10])
print("[" + s[10:] + "]", len(s[10:]))
print(s[1:9:2], s[9:0:-2], s[::3], s[-2::-3])
print(s[:-1:], s[::1], s[0:10:1] == s)
word = "racecar"
print(word == word[::-1])
word = "palindrome"
print(word == word[::-1], word[::-1])
text = "2024-06-15"
year = text[:4]
month = text[5:7]
day = text[8:]
print(year, month, day)
print(int(year) + 1, int(month) * 2, int(day) - 1)
name = "Ada Lovelace"
space = name.find(" ")
print(name[:space], "|", name[space + 1:])
for i in range(len(s) + 1):
    print(s[:i] + "|" + s[i:])
rot = "rotation"
for k in range(0, 8, 3):
    print(k, rot[k:] + rot[:k])
print(s[2:-2][1:-1][::2])
lo = 2
hi = 6
print(s[lo:hi], s[lo:hi:2], s[hi:lo:-1], s[-lo:], s[:-hi])
