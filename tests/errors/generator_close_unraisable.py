# A generator freed while suspended is closed; when closing raises, CPython
# prints "Exception ignored in: <generator object ... at 0x...>" and its
# traceback to stderr and the program goes on (the address differs, so only
# the last line is compared).
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        pass
    yield 2


g = stubborn()
print(next(g))
g = None
print("still running")
