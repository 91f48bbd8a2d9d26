# anagram grouping with sorted-letter keys (str and tuple keys), letter counting.
words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog", "god", "odg", "bird"]
groups = {}
for w in words:
    key = "".join(sorted(w))
    groups.setdefault(key, []).append(w)
for key, members in groups.items():
    print(key, members)
print(len(groups), "groups;", len([g for g in groups.values() if len(g) > 1]), "with anagrams")
tuple_groups = {}
for w in words:
    key = tuple(sorted(w))
    if key not in tuple_groups:
        tuple_groups[key] = 0
    tuple_groups[key] += 1
print(sorted(tuple_groups.values(), reverse=True))
def letter_counts(w):
    counts = {}
    for ch in w:
        counts[ch] = counts.get(ch, 0) + 1
    return counts
def is_anagram(a, b):
    return sorted(letter_counts(a).items()) == sorted(letter_counts(b).items())
print(is_anagram("dormitory", "dirtyroom"), is_anagram("hello", "world"), is_anagram("aab", "abb"))
print(letter_counts("banana"))
def can_build(note, magazine):
    have = letter_counts(magazine)
    for ch in note:
        if have.get(ch, 0) == 0:
            return False
        have[ch] -= 1
    return True
print(can_build("hello", "ohell world"), can_build("hello", "helo"))
biggest = sorted(groups.values(), key=lambda g: (-len(g), g[0]))[0]
print("largest group:", biggest)
