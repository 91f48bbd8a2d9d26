# truthiness of every value kind, in if/while/not/bool() and in and/or results.
values = [0, 1, -1, 0.0, -0.0, 0.5, "", "a", " ", [], [0], (), (None,), {}, {"k": 0}, None, True, False]
for v in values:
    if v:
        print(repr(v), "is truthy")
    else:
        print(repr(v), "is falsy")
print([bool(v) for v in values])
print([not v for v in values])
print(0 or "default", "" or [] or "last", 5 or 6, None or 0)
print(1 and 2, 0 and 2, "a" and "", [1] and {"x": 1})
print(not 0, not not 1, not "", not [[]])
items = [3, 2, 1]
while items:
    items.pop()
print("emptied", items)
name = ""
display = name or "anonymous"
print(display)
config = {}
verbose = config.get("verbose") or False
print(verbose)
def first_truthy(xs):
    for x in xs:
        if x:
            return x
    return None
print(first_truthy([0, "", None, [], 7, 8]), first_truthy([0, 0.0]))
print(len([v for v in values if v]), len([v for v in values if not v]))
count = 0
n = 10
while n:
    n -= 3 if n >= 3 else n
    count += 1
print(count)
print(bool(list(range(0))), bool(list(range(1))))
