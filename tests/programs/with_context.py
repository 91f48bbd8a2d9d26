# The with statement: __enter__ and its value bound by as, __exit__ on normal
# exit and on exception, the (type, value, traceback) arguments, exceptions
# suppressed when __exit__ returns true, several managers, and exits from
# return, break and continue.
class Tracer:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("exit", self.name, "cleanly", exc, tb)
        else:
            print("exit", self.name, "with", exc_type.__name__ + ":", exc, tb is not None)
        return self.suppress

with Tracer("a") as value:
    print("body sees", value)

with Tracer("b", suppress=True):
    print("about to fail")
    1 / 0
    print("not reached")
print("after suppressed error")

try:
    with Tracer("c"):
        raise KeyError("k")
except KeyError as e:
    print("caught outside:", repr(e))

# Several managers: entered left to right, exited right to left.
with Tracer("outer") as o, Tracer("inner") as i:
    print("inside", o, i)

# The inner manager can suppress so the outer one sees no exception.
with Tracer("outer2"):
    with Tracer("inner2", suppress=True):
        raise ValueError("stopped here")
    print("between")

# __exit__ runs when the body returns, breaks or continues.
def find(items, target):
    with Tracer("find"):
        for x in items:
            if x == target:
                return "found " + str(x)
    return "missing"

print(find([1, 2, 3], 2))
for n in range(3):
    with Tracer("loop" + str(n)):
        if n == 0:
            continue
        if n == 1:
            break
print("loop done")

# A manager that returns self, and one whose __enter__ fails.
class Resource:
    def __init__(self):
        self.open = False
        self.log = []

    def __enter__(self):
        self.open = True
        return self

    def __exit__(self, *args):
        self.open = False
        self.log.append("closed")
        return False

    def use(self):
        self.log.append("used while open=" + str(self.open))

res = Resource()
with res as r:
    r.use()
print(r is res, res.open, res.log)

class FailEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")

    def __exit__(self, *args):
        print("exit is not called")

try:
    with FailEnter():
        print("body not run")
except RuntimeError as e:
    print("RuntimeError:", e)

# An exception raised inside __exit__ replaces the body's exception.
class Replacer:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        raise TypeError("from __exit__ while handling " + t.__name__)

try:
    with Replacer():
        raise ValueError("original")
except TypeError as e:
    print("TypeError:", e, "| context:", repr(e.__context__))

# Objects without the protocol.
try:
    with 5:
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__ + ":", e)
