# Exception chaining: raise X from Y sets __cause__, an exception raised inside
# an except block gets __context__ implicitly, raise ... from None sets
# __suppress_context__, and the attributes are readable on the caught object.
def show(e):
    print(type(e).__name__ + ":", e)
    print("  cause:", repr(e.__cause__))
    print("  context:", repr(e.__context__))
    print("  suppress_context:", e.__suppress_context__)

class LookupFailed(Exception):
    pass

def explicit(key):
    try:
        return {"a": 1}[key]
    except KeyError as err:
        raise LookupFailed("no entry " + repr(key)) from err

def implicit(text):
    try:
        return int(text)
    except ValueError:
        raise LookupFailed("bad number " + repr(text))

def hidden(text):
    try:
        return int(text)
    except ValueError:
        raise LookupFailed("bad number, details hidden") from None

def unrelated_cause():
    raise LookupFailed("with a made-up cause") from TypeError("invented")

for thunk in [lambda: explicit("z"), lambda: implicit("x"), lambda: hidden("y"), unrelated_cause]:
    try:
        thunk()
    except LookupFailed as e:
        show(e)

# No chaining without a handler in between.
try:
    raise ValueError("plain")
except ValueError as e:
    show(e)

# The cause is the same object that was caught.
try:
    try:
        [][0]
    except IndexError as inner:
        saved = inner
        raise RuntimeError("wrapped") from inner
except RuntimeError as outer:
    print(outer.__cause__ is saved, outer.__context__ is saved)

# Chains can be walked.
def level3():
    raise KeyError("bottom")

def level2():
    try:
        level3()
    except KeyError as e:
        raise ValueError("middle") from e

def level1():
    try:
        level2()
    except ValueError as e:
        raise RuntimeError("top") from e

try:
    level1()
except RuntimeError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(type(cur).__name__ + "(" + str(cur) + ")")
        cur = cur.__cause__
    print(" <- ".join(chain))

# from accepts a class (instantiated) and rejects non-exceptions.
try:
    raise ValueError("v") from KeyError
except ValueError as e:
    print(repr(e.__cause__))
try:
    raise ValueError("v") from 5
except TypeError as e:
    print("TypeError:", e)

# The attributes can be set by hand.
e = ValueError("manual")
e.__cause__ = KeyError("set by hand")
print(repr(e.__cause__), e.__suppress_context__)
