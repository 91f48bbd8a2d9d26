# and/or short-circuit: the right operand is evaluated only when needed; results are operands.
calls = []
def t(name):
    calls.append(name)
    return True
def f(name):
    calls.append(name)
    return False
print(t("a") and t("b"), calls)
calls = []
print(f("a") and t("b"), calls)
calls = []
print(t("a") or t("b"), calls)
calls = []
print(f("a") or f("b"), calls)
calls = []
print(f("a") or t("b") and f("c"), calls)
calls = []
print((f("a") or t("b")) and f("c"), calls)
calls = []
print(t("a") and f("b") or t("c"), calls)
calls = []
print(not f("a") and t("b"), calls)
d = {}
print("key" in d and d["key"] > 0)
xs = []
print(len(xs) > 0 and xs[0] == 1)
x = 0
print(x != 0 and 10 / x > 1)
print(x == 0 or 10 / x > 1)
print(1 and 2 and 3, 1 and 0 and 3, 0 or "" or None, 0 or 2 or 3)
print([] or [1], [2] and [3], None and undefined_name)
value = None
result = value and value.upper()
print(result)
value = "text"
result = value and value.upper()
print(result)
def expensive():
    print("expensive called")
    return 42
cache = 7
print(cache or expensive())
cache = 0
print(cache or expensive())
flags = [True, True, False, True]
all_true = True
for fl in flags:
    all_true = all_true and fl
print(all_true)
any_true = False
for fl in flags:
    any_true = any_true or fl
print(any_true)
print(3 < 5 and "yes" or "no", 3 > 5 and "yes" or "no")
