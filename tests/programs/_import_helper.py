# A helper module that import_user_modules.py imports (not a program: the
# leading underscore keeps it out of the conformance glob).
print("helper: top level runs once, __name__ =", __name__)

GREETING = "hello"
counter = 0
__all__ = ["greet", "Point"]


def greet(name):
    global counter
    counter += 1
    return GREETING + ", " + name + " #" + str(counter)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)


def _private():
    return "private"


def uses_own_global():
    return GREETING.upper()


if __name__ == "__main__":
    print("never printed when imported")
