# Generator objects: names, gi_* attributes over the life of a generator,
# the repr's form, re-entering a running generator.
def f():
    yield 1
    yield 2


class C:
    def method(self):
        yield self


g = f()
print(type(g).__name__, g.__name__, g.__qualname__, C().method().__qualname__)
print(g.gi_running, g.gi_yieldfrom, g.gi_frame is None, g.gi_code is f().gi_code)
print(repr(g).startswith("<generator object f at 0x"), repr(C().method()).startswith("<generator object C.method at"))
print(next(g), g.gi_frame is None, g.gi_running)
print(list(g), g.gi_frame is None)


def watches_itself():
    yield me.gi_running


me = watches_itself()
print(next(me))


def inner():
    yield "a"
    return "done"


def outer():
    result = yield from inner()
    yield result


o = outer()
print(next(o), o.gi_yieldfrom.__name__, next(o), o.gi_yieldfrom)


def reenter():
    yield next(again)


again = reenter()
try:
    next(again)
except ValueError as e:
    print("ValueError:", e)
print(list(again))


def reenter_in_loop():
    for x in loop_gen:
        yield x


loop_gen = reenter_in_loop()
try:
    for item in loop_gen:
        pass
except ValueError as e:
    print("ValueError:", e)
