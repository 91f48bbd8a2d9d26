# throw() with a class, an instance, the deprecated (type, value) forms,
# bad arguments; close() on a generator that yields again.
def catcher():
    while True:
        try:
            yield
        except Exception as e:
            print("caught", type(e).__name__, e.args)


c = catcher()
next(c)
c.throw(ValueError)
c.throw(ValueError("instance"))
c.throw(ValueError, "value")
c.throw(ValueError, ValueError("same class"))
c.throw(KeyError, ("a", "b"))
c.throw(LookupError, KeyError("subclass instance"))
try:
    c.throw(ValueError("a"), "b")
except TypeError as e:
    print("TypeError:", e)
try:
    c.throw(1)
except TypeError as e:
    print("TypeError:", e)
try:
    c.throw(int)
except TypeError as e:
    print("TypeError:", e)


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("ignoring GeneratorExit")
    yield 2


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(list(s), s.gi_frame)


def ends_on_close():
    try:
        yield 1
    finally:
        print("finally")


e = ends_on_close()
next(e)
print(e.close(), e.close())
try:
    e.throw(ValueError("after the end"))
except ValueError as exc:
    print("ValueError:", exc)


def fresh():
    yield 1


try:
    fresh().throw(KeyError("never started"))
except KeyError as exc:
    print("KeyError:", exc)
