# str.format with {} placeholders, {0} indices and {:spec} specs (d, .Nf, >N, <N).
print("{} + {} = {}".format(1, 2, 3))
print("{0} {1} {0}".format("a", "b"))
print("{1}, {0}!".format("world", "Hello"))
print("[{}]".format("x"), "{}".format(None), "{}{}".format(True, 2.5))
print("{:d}|{:.2f}|{:>6}|{:<6}|".format(42, 3.14159, "ab", "cd"))
print("{0:>5}|{0:<5}|{1:.3f}".format(7, 2.0))
print("{:.0f} {:.1f} {:.4f}".format(2.5, 0.05, 1 / 3))
print("{:>8}".format("right"), "{:<8}".format("left") + "|")
print("{:>3}|{:<3}|".format("long text", "long text"))
print("{:>4}{:>4}{:>4}".format(1, 22, 333))
print("{:<4}{:<4}{:<4}|".format(1, 22, 333))
print("{:d}".format(-17), "{:.2f}".format(-0.005), "{:.2f}".format(2))
print("no placeholders".format(), "{}".format([1, 2]), "{}".format((1, "a")))
print("{}".format({"k": 1}), "{}".format("str"), "{:>6}".format("True"))
items = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 100, 2.0)]
for name, qty, price in items:
    cost = "{:.2f}".format(qty * price)
    print("{:<8}{:>5}{:>8}".format(name, qty, cost))
template = "Dear {0}, your balance is {1:.2f}. Bye {0}."
print(template.format("Ada", 1234.5))
print("{:.3f}".format(2.0 / 3.0), "{:.1f}".format(0.25), "{:.1f}".format(0.35))
print("{:>10}".format(12.5), "{:<10}|".format(-3))
print("{:.2f}%".format(45.678))
row = ""
for i in range(1, 6):
    row += "{:>4}".format(i * i)
print(row)
print("{:d}{:d}".format(1, 0), "{}-{}".format("x", ""), "{0}{0}{0}".format("ab"))
