# string reversal and palindromes: reversing by slicing, loops and recursion; palindromic numbers.
def rev_slice(s):
    return s[::-1]
def rev_loop(s):
    out = ""
    for ch in s:
        out = ch + out
    return out
def rev_rec(s):
    return s if len(s) < 2 else rev_rec(s[1:]) + s[0]
for s in ["", "a", "ab", "hello", "racecar", "Step on no pets"]:
    print(repr(s), rev_slice(s), rev_loop(s) == rev_slice(s), rev_rec(s) == rev_slice(s))
def clean(s):
    return "".join([c for c in s.lower() if "a" <= c <= "z" or "0" <= c <= "9"])
def is_palindrome(s):
    c = clean(s)
    i, j = 0, len(c) - 1
    while i < j:
        if c[i] != c[j]:
            return False
        i += 1
        j -= 1
    return True
phrases = ["A man, a plan, a canal: Panama", "No lemon, no melon", "Hello, World", "Was it a car or a cat I saw?", "12321", "123"]
for p in phrases:
    print(is_palindrome(p), p)
pal_nums = [n for n in range(100, 1000) if str(n) == str(n)[::-1]]
print(len(pal_nums), pal_nums[:10])
best = 0
for a in range(100, 1000):
    for b in range(a, 1000):
        p = a * b
        if p > best and str(p) == str(p)[::-1]:
            best = p
print("largest palindrome product of 3-digit numbers:", best)
def longest_pal_sub(s):
    best = ""
    for center in range(len(s)):
        for lo, hi in [(center, center), (center, center + 1)]:
            while lo >= 0 and hi < len(s) and s[lo] == s[hi]:
                lo -= 1
                hi += 1
            if hi - lo - 1 > len(best):
                best = s[lo + 1:hi]
    return best
print(longest_pal_sub("babad"), longest_pal_sub("forgeeksskeegfor"), longest_pal_sub("abc"))
words = "level noon civic radar python kayak stats code".split()
print([w for w in words if w == rev_slice(w)])
print(" ".join([rev_slice(w) for w in "reverse each word".split()]))
