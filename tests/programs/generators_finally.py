# A generator's finally blocks and with statements run when it is closed,
# when it is dropped unfinished, and when it finishes normally.
class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, *exc):
        print("close", self.name, exc[0].__name__ if exc[0] else None)
        return False


def reader(name):
    with Resource(name):
        yield 1
        yield 2


def guarded(tag):
    try:
        yield tag + "1"
        yield tag + "2"
    finally:
        print("finally", tag)


for x in reader("a"):
    print("read", x)

r = reader("b")
print(next(r))
r.close()
print("after close")

g = guarded("dropped")
print(next(g))
del g
print("after del")

g = guarded("rebound")
next(g)
g = None
print("after rebinding")


def take_first(gen):
    for item in gen:
        return item


print(take_first(guarded("loop")))
print("after the loop returned")

for item in guarded("break"):
    print("item", item)
    break
print("after break")

unstarted = guarded("never started")
del unstarted
print("unstarted generators run nothing")

h = guarded("done")
print(list(h))
del h
print("finished generators do not run finally twice")


def nested():
    try:
        try:
            yield "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")


n = nested()
next(n)
n.close()


def no_try():
    yield 1
    yield 2


x = no_try()
next(x)
del x
print("end")
