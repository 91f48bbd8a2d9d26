# AttributeError for a method that str does not have.
words = ["alpha", "beta"]
for w in words:
    print(w.upper())
print(words[0].reverse())
