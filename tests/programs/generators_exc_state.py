# The exception a generator is handling is saved at a yield and restored
# when it resumes (CPython 3.11's gi_exc_state); the resumer's comes back.
import sys


def handler():
    try:
        raise KeyError("k")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
        raise


g = handler()
print(next(g), sys.exc_info())
try:
    raise ValueError("v")
except ValueError:
    print(next(g), sys.exc_info()[0].__name__)
try:
    next(g)
except KeyError as e:
    print("re-raised", repr(e))


def sees_resumer():
    yield sys.exc_info()[0]
    yield sys.exc_info()[0]


s = sees_resumer()
try:
    raise TypeError
except TypeError:
    print(next(s))
print(next(s))


def in_loop():
    for i in range(2):
        try:
            raise IndexError(i)
        except IndexError as e:
            yield repr(sys.exc_info()[1])
    yield sys.exc_info()[:2]


for item in in_loop():
    print(item, sys.exc_info()[0])
try:
    raise OSError("outer")
except OSError:
    for item in in_loop():
        print(item)
    print(sys.exc_info()[1])


def chained():
    try:
        yield
    except ValueError:
        raise KeyError("inside")


c = chained()
next(c)
try:
    c.throw(ValueError("thrown"))
except KeyError as e:
    print(repr(e), repr(e.__context__))
