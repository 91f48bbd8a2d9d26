# assert: passing asserts are silent; failing ones raise AssertionError with or without a message.
assert True
assert 1 + 1 == 2
assert [1], "non-empty list is true"
print("passing asserts are silent")
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print("caught:", e)
try:
    assert False
except AssertionError as e:
    print("no message: [" + str(e) + "]")
def check_sorted(xs):
    for i in range(len(xs) - 1):
        assert xs[i] <= xs[i + 1], "out of order at index " + str(i)
    return True
print(check_sorted([1, 2, 3]))
try:
    check_sorted([1, 3, 2, 4])
except AssertionError as e:
    print(e)
def side_effect():
    print("message evaluated")
    return "lazy message"
assert 3 > 2, side_effect()
try:
    assert 2 > 3, side_effect()
except AssertionError as e:
    print("got", e)
try:
    assert [], 42
except AssertionError as e:
    print("non-string message:", e)
x = 10
assert x == 10
assert isinstance(x, int) and x > 0
try:
    assert x < 0, f"x should be negative, got {x}"
except AssertionError as e:
    print(e)
count = 0
for v in [2, 4, 5, 8]:
    try:
        assert v % 2 == 0, v
        count += 1
    except AssertionError as e:
        print("odd value:", e)
print("even count", count)
