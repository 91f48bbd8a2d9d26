# FizzBuzz three ways: if/elif chain, string building, and a dict of divisors.
for i in range(1, 31):
    if i % 15 == 0:
        print("FizzBuzz")
    elif i % 3 == 0:
        print("Fizz")
    elif i % 5 == 0:
        print("Buzz")
    else:
        print(i)
def fb(n):
    out = ""
    if n % 3 == 0:
        out += "Fizz"
    if n % 5 == 0:
        out += "Buzz"
    return out or str(n)
print(" ".join([fb(n) for n in range(1, 16)]))
rules = {3: "Fizz", 5: "Buzz", 7: "Bazz"}
line = []
for n in range(100, 110):
    word = ""
    for d, w in rules.items():
        if n % d == 0:
            word += w
    line.append(word if word else str(n))
print(", ".join(line))
counts = {"Fizz": 0, "Buzz": 0, "FizzBuzz": 0, "number": 0}
for n in range(1, 101):
    w = fb(n)
    if w in counts:
        counts[w] += 1
    else:
        counts["number"] += 1
print(counts)
