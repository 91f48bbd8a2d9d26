# run-length encoding and decoding of strings; round trips and compression ratios.
def rle_encode(s):
    if not s:
        return []
    runs = []
    current = s[0]
    count = 1
    for ch in s[1:]:
        if ch == current:
            count += 1
        else:
            runs.append((current, count))
            current = ch
            count = 1
    runs.append((current, count))
    return runs
def rle_string(s):
    return "".join([str(n) + ch for ch, n in rle_encode(s)])
def rle_decode(text):
    out = ""
    num = ""
    for ch in text:
        if "0" <= ch <= "9":
            num += ch
        else:
            out += ch * int(num)
            num = ""
    return out
samples = ["WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW", "aabcccccaaa", "abc", "", "zzzzzzzzzzzz", "aAaA"]
for s in samples:
    enc = rle_string(s)
    dec = rle_decode(enc)
    ratio = round(len(enc) / len(s), 3) if s else 0
    print(repr(s[:20]), "->", enc, dec == s, ratio)
print(rle_encode("mississippi"))
def look_and_say(s):
    return "".join([str(n) + ch for ch, n in rle_encode(s)])
term = "1"
for i in range(10):
    print(term)
    term = look_and_say(term)
print(len(term))
