# Dictionary-heavy word counting over a generated text split on spaces.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 300000

VOCAB = ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "and",
         "runs", "away", "from", "a", "big", "red", "barn", "while", "cats",
         "sleep", "in", "warm", "sun", "near", "old", "mill"]


def make_text(n):
    # A deterministic pseudo-random sequence (linear congruential generator)
    # picks the words, so the counts are uneven but reproducible.
    words = []
    x = 12345
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        k = x // 65536 % len(VOCAB)
        j = x // 16 % len(VOCAB)
        words.append(VOCAB[min(k, j)])
    return " ".join(words)


def count_words(text):
    counts = {}
    for word in text.split(" "):
        if word in counts:
            counts[word] += 1
        else:
            counts[word] = 1
    return counts


text = make_text(N)
counts = count_words(text)
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(f"word_count {N}: distinct={len(counts)} total={sum(counts.values())}")
print(" ".join([f"{w}={c}" for w, c in top]))
