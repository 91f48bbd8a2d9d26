# contextlib: contextmanager (normal exit, exceptions, suppression),
# suppress, closing, nullcontext, ExitStack, ContextDecorator use.
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack


@contextmanager
def tag(name):
    print("<" + name + ">")
    try:
        yield name.upper()
    finally:
        print("</" + name + ">")


with tag("b") as t:
    print("inside", t)
try:
    with tag("i"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated:", e)


@contextmanager
def swallow(kind):
    try:
        yield
    except kind as e:
        print("swallowed", type(e).__name__, e)


with swallow(KeyError):
    {}["missing"]
print("after swallow")


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print("not suppressed:", e)


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("closed", self.name)


with closing(Resource("r1")) as r:
    print("using", r.name)
with nullcontext(42) as v:
    print("null gives", v)
with nullcontext():
    print("null without value")


class Managed:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self.name

    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False


with ExitStack() as stack:
    names = [stack.enter_context(Managed(n)) for n in "abc"]
    stack.callback(print, "callback runs first")
    print("entered", names)
try:
    with ExitStack() as stack:
        stack.enter_context(Managed("x"))
        stack.push(lambda *exc: print("push sees", exc[0].__name__))
        raise KeyError("k")
except KeyError:
    print("KeyError left the stack")
with ExitStack() as stack:
    stack.enter_context(suppress(ValueError))
    raise ValueError("hidden")
print("stack suppressed")
stack = ExitStack()
stack.callback(print, "closed by close()")
moved = stack.pop_all()
stack.close()
moved.close()


@tag("decorated")
def work():
    print("working")


work()
