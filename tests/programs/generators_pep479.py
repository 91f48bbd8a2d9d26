# PEP 479: a StopIteration raised inside a generator becomes RuntimeError;
# `return` ends a generator; a StopIteration escaping next() in a for loop
# body still behaves as an ordinary exception.
def raises_stop():
    yield 1
    raise StopIteration("inner")


g = raises_stop()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
    print("context is cause:", e.__context__ is e.__cause__, e.__suppress_context__)


def leaks_next():
    it = iter([1, 2])
    while True:
        yield next(it)


try:
    print(list(leaks_next()))
except RuntimeError as e:
    print("leaked next():", e)


def safe_next():
    it = iter([1, 2])
    while True:
        try:
            yield next(it)
        except StopIteration:
            return


print(list(safe_next()))


def return_value():
    yield "x"
    return [1, 2]


r = return_value()
next(r)
try:
    next(r)
except StopIteration as e:
    print("value", e.value)
try:
    list(raises_stop())
except RuntimeError as e:
    print("list() sees RuntimeError:", e)
try:
    for _ in raises_stop():
        pass
except RuntimeError as e:
    print("for sees RuntimeError:", e)


def catches_inside():
    try:
        raise StopIteration("handled")
    except StopIteration as e:
        yield "caught " + str(e)


print(list(catches_inside()))
gen_expr = (next(iter([])) for _ in range(2))
try:
    list(gen_expr)
except RuntimeError as e:
    print("genexpr:", e)
