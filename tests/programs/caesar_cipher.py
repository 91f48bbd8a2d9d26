# Caesar and Vigenere ciphers with ord/chr; brute-force decoding by letter frequency.
def shift_char(ch, k):
    if "a" <= ch <= "z":
        return chr((ord(ch) - ord("a") + k) % 26 + ord("a"))
    if "A" <= ch <= "Z":
        return chr((ord(ch) - ord("A") + k) % 26 + ord("A"))
    return ch
def caesar(text, k):
    return "".join([shift_char(c, k) for c in text])
msg = "The Quick Brown Fox Jumps Over The Lazy Dog!"
enc = caesar(msg, 3)
print(enc)
print(caesar(enc, -3))
print(caesar(msg, 13))
print(caesar(caesar(msg, 13), 13) == msg, caesar(msg, 26) == msg, caesar(msg, -1))
def vigenere(text, key, decrypt=False):
    out = []
    i = 0
    for ch in text:
        if ch.lower() != ch.upper():
            k = ord(key[i % len(key)].lower()) - ord("a")
            out.append(shift_char(ch, -k if decrypt else k))
            i += 1
        else:
            out.append(ch)
    return "".join(out)
v = vigenere("Attack at dawn", "lemon")
print(v, "|", vigenere(v, "lemon", True))
def score(text):
    common = "etaoinshr"
    s = 0
    for ch in text.lower():
        idx = common.find(ch)
        if idx != -1:
            s += len(common) - idx
    return s
secret = caesar("meet me near the old oak tree at seven", 11)
print(secret)
best_k, best_s = 0, -1
for k in range(26):
    s = score(caesar(secret, -k))
    if s > best_s:
        best_k, best_s = k, s
print("guessed key", best_k, "->", caesar(secret, -best_k))
table = {}
for c in "abcdefghijklmnopqrstuvwxyz":
    table[c] = shift_char(c, 5)
print("".join(table.values()))
