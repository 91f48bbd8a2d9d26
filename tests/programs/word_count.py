# word frequency count over a text with dicts, normalisation and sorting by count then word.
lines = [
    "The quick brown fox jumps over the lazy dog.",
    "The dog barks; the fox runs!",
    "A quick brown dog? No - a quick brown fox, and the lazy dog sleeps.",
    "Foxes and dogs: the end.",
]
text = "\n".join(lines)
print(len(text), len(lines), len(text.split()))
def normalise(word):
    out = ""
    for ch in word.lower():
        if "a" <= ch <= "z":
            out += ch
    return out
counts = {}
order = []
for line in text.split("\n"):
    for raw in line.split():
        w = normalise(raw)
        if not w:
            continue
        if w not in counts:
            order.append(w)
            counts[w] = 0
        counts[w] += 1
print(order)
print(counts)
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in ranked[:6]:
    print(f"{word:<8}{n:>3}")
print("distinct words:", len(counts))
print("total words:", sum(counts.values()))
longest = ""
for w in counts:
    if len(w) > len(longest):
        longest = w
print("longest:", longest)
by_length = {}
for w in counts:
    by_length.setdefault(len(w), []).append(w)
for n in sorted(by_length):
    print(n, sorted(by_length[n]))
letters = {}
for ch in text.lower():
    if "a" <= ch <= "z":
        letters[ch] = letters.get(ch, 0) + 1
top = sorted(letters, key=lambda c: (-letters[c], c))[:5]
print("top letters:", top, [letters[c] for c in top])
print("lines with 'fox':", [i for i, line in enumerate(lines) if "fox" in line.lower()])
