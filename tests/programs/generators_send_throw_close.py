# send(), throw() and close(): values into a suspended frame, exceptions
# raised at the yield, GeneratorExit, and the errors CPython gives.
def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


a = averager()
print(a.send(None))
print(a.send(10), a.send(20), a.send(60))

b = averager()
try:
    b.send(5)
except TypeError as e:
    print("TypeError:", e)


def catcher():
    while True:
        try:
            x = yield "ready"
            print("got", x)
        except ValueError as e:
            print("caught ValueError", e)
        except KeyError:
            print("caught KeyError")
            return "returned after KeyError"


c = catcher()
print(next(c))
print(c.send(1))
print(c.throw(ValueError("bad")))
print(c.throw(ValueError))
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print("StopIteration", e.value)

d = catcher()
next(d)
try:
    d.throw(IndexError("not caught"))
except IndexError as e:
    print("propagated", e)
try:
    next(d)
except StopIteration:
    print("finished after the exception")

e = catcher()
try:
    e.throw(ValueError("before start"))
except ValueError as x:
    print("unstarted throw:", x)


def closer():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit inside")
        raise
    finally:
        print("cleanup")


g = closer()
print(next(g))
print(g.close())
print(g.close())
try:
    next(g)
except StopIteration:
    print("closed generator is finished")

h = closer()
h.close()
print("closing an unstarted generator runs nothing")


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "no"


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as x:
    print("RuntimeError:", x)


def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "value ignored"


r = returns_on_exit()
next(r)
print(r.close())


def reentrant():
    yield me.send(None)


me = reentrant()
try:
    next(me)
except ValueError as x:
    print("ValueError:", x)

t = catcher()
next(t)
try:
    t.throw(ValueError, ValueError("x"), None)
    print(t.throw(ValueError, "as value"))
except Exception as x:
    print(type(x).__name__, x)
try:
    t.throw(42)
except TypeError as x:
    print("TypeError:", x)
print(issubclass(GeneratorExit, BaseException), issubclass(GeneratorExit, Exception))
