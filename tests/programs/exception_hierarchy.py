# The built-in exception hierarchy of CPython 3.11 as seen through issubclass
# and __mro__, and the first matching except clause winning (so a base class
# listed first hides its subclasses).
pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (ArithmeticError, Exception), (KeyError, LookupError), (IndexError, LookupError),
    (LookupError, Exception), (RecursionError, RuntimeError), (NotImplementedError, RuntimeError),
    (UnicodeDecodeError, UnicodeError), (UnicodeError, ValueError), (StopIteration, Exception),
    (TypeError, Exception), (AttributeError, Exception), (NameError, Exception),
    (UnboundLocalError, NameError), (AssertionError, Exception), (Exception, BaseException),
    (KeyboardInterrupt, Exception), (KeyboardInterrupt, BaseException),
    (SystemExit, Exception), (SystemExit, BaseException), (GeneratorExit, Exception),
    (FileNotFoundError, OSError), (KeyError, IndexError), (ValueError, TypeError),
    (ZeroDivisionError, ValueError), (bool, Exception),
]
for sub, base in pairs:
    print(sub.__name__, "<", base.__name__, issubclass(sub, base))

def mro(cls):
    return " -> ".join([c.__name__ for c in cls.__mro__])

for cls in [ZeroDivisionError, KeyError, RecursionError, UnicodeDecodeError, SystemExit, StopIteration]:
    print(mro(cls))

# The first clause that matches wins, in source order.
def classify(thunk):
    try:
        thunk()
    except ZeroDivisionError:
        return "ZeroDivisionError clause"
    except ArithmeticError:
        return "ArithmeticError clause"
    except LookupError as e:
        return "LookupError clause (" + type(e).__name__ + ")"
    except Exception as e:
        return "Exception clause (" + type(e).__name__ + ")"
    return "no exception"

print(classify(lambda: 1 / 0))
print(classify(lambda: 2.0 ** 5000))
print(classify(lambda: [][1]))
print(classify(lambda: {}["k"]))
print(classify(lambda: int("z")))
print(classify(lambda: None))

def base_first(thunk):
    try:
        thunk()
    except LookupError:
        return "LookupError caught it first"
    except KeyError:
        return "KeyError clause is unreachable"

print(base_first(lambda: {}["k"]))

# A tuple of classes matches any of them; the error keeps its own type.
for thunk in [lambda: 1 // 0, lambda: "a" + 1, lambda: [].pop()]:
    try:
        thunk()
    except (TypeError, ArithmeticError) as e:
        print("tuple clause:", type(e).__name__)
    except IndexError as e:
        print("IndexError clause:", e)

# except Exception does not catch SystemExit or KeyboardInterrupt; BaseException does.
def stopper():
    raise SystemExit(7)

try:
    try:
        stopper()
    except Exception:
        print("not here")
except BaseException as e:
    print("BaseException caught", type(e).__name__, e.code)

# Built-in exceptions can be subclassed like any class.
class MyKeyError(KeyError):
    pass

try:
    raise MyKeyError("mine")
except LookupError as e:
    print(type(e).__name__, repr(e), str(e), isinstance(e, KeyError))
print(mro(MyKeyError))
