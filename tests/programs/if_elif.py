# if / elif / else chains, nested ifs, conditions of every type.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
for n in [-5, 0, 3, 42, 1000]:
    print(n, classify(n))
def grade(score):
    if score >= 90:
        letter = "A"
    elif score >= 80:
        letter = "B"
    elif score >= 70:
        letter = "C"
    else:
        letter = "F"
    return letter
print([grade(s) for s in [95, 85, 75, 65, 90, 80]])
x = 7
if x > 5:
    if x % 2 == 0:
        print("big even")
    else:
        print("big odd")
else:
    print("small")
if []:
    print("empty list is true?")
elif {}:
    print("empty dict is true?")
elif "":
    print("empty string is true?")
else:
    print("all empty containers are false")
if "text" and [0] and (0,) and {"k": 0} and 0.1:
    print("non-empty values are true")
y = 0
if y:
    print("y true")
if not y:
    print("y false")
for a in range(3):
    for b in range(3):
        if a == b:
            kind = "same"
        elif a < b:
            kind = "less"
        else:
            kind = "more"
        print(a, b, kind)
value = None
if value is None:
    value = "default"
print(value)
if x == 7 and value == "default":
    print("both")
elif x == 7:
    print("only x")
