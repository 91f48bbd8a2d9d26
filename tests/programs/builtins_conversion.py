# conversion builtins: str int float bool on every value kind.
print(str(42), str(-7), str(3.0), str(0.1), str(True), str(None), str("s"))
print(str([1, "a"]), str((1,)), str({"k": [1]}), str(""), str(-0.0))
print(int("42"), int("-17"), int("  8  "), int("+5"), int("007"), int("0"))
print(int(3.99), int(-3.99), int(0.5), int(True), int(False), int(1e15))
print(int("9223372036854775807"), int("-9223372036854775808"))
print(float("3.25"), float("-1"), float(" 2 "), float(10), float(True), float("1e-3"))
print(float(".5"), float("5."), float("-.25"))
print(bool(0), bool(7), bool(""), bool("0"), bool([]), bool([[]]), bool(None), bool(0.0))
print(int(str(123)) + 1, str(int("99")) + "!", float(str(1.5)) * 2)
print(int(float("2.5")), float(int(2.9)), bool(int("0")), str(bool(1)))
print(str(), int(), float(), bool())
digits = "31415"
total = 0
for d in digits:
    total += int(d)
print(total)
print("".join([str(i) for i in range(10)]))
print(int("1" * 18), int("-" + "9" * 18))
values = ["12", "3.5", "x", "-4", "1e2", ""]
for v in values:
    try:
        print(v, "->", int(v))
    except ValueError:
        try:
            print(v, "-> float", float(v))
        except ValueError:
            print(v, "-> not a number")
print(str(1e16), str(1e-5), str(123456789012.0))
print(str(2 ** 62), int(str(2 ** 62)) == 2 ** 62)
