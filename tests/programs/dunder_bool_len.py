# Truth values of objects: __bool__ first, then __len__, otherwise always true;
# len() calling __len__, and the errors for bad return values.
class Empty:
    pass

class Box:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        print("  __len__ called")
        return len(self.items)

class Switch:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        print("  __bool__ called")
        return self.on

class Both:
    def __bool__(self):
        return False

    def __len__(self):
        return 10

print(bool(Empty()), not Empty())
print(bool(Box([])), bool(Box([1, 2])))
print(len(Box("abc")))
print(bool(Switch(True)), bool(Switch(False)))
print(bool(Both()), len(Both()))

# Truth tests in if, while, and/or, not, and the conditional expression.
if Box([]):
    print("never")
else:
    print("empty box is false")
s = Switch(False)
print("or gives", (s or "fallback"))
print("and gives", (Switch(True) and "second").__class__.__name__)
print("ternary", "yes" if Switch(True) else "no")
stack = Box([1, 2, 3])
while stack:
    stack.items.pop()
print("drained", stack.items)
print([x.__class__.__name__ for x in [Box([]), Box([0]), Switch(True)] if x])

# any/all use truth values too.
print(any([Box([]), Box([])]), all([Box([1]), Switch(True)]))

# __len__ must return a non-negative int; __bool__ must return a bool.
class Negative:
    def __len__(self):
        return -1

class FloatLen:
    def __len__(self):
        return 2.0

class IntBool:
    def __bool__(self):
        return 1

for obj in [Negative(), FloatLen()]:
    try:
        len(obj)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
    try:
        bool(obj)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    bool(IntBool())
except TypeError as e:
    print("TypeError:", e)
try:
    if IntBool():
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    len(Empty())
except TypeError as e:
    print("TypeError:", e)
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)

# A subclass of a built-in keeps its truth rules unless it overrides them.
class MyList(list):
    pass

class AlwaysTrue(list):
    def __bool__(self):
        return True

print(bool(MyList()), bool(MyList([0])), bool(AlwaysTrue()), len(AlwaysTrue()))
