# global: reading globals, rebinding with global, local shadowing, globals used by nested defs.
counter = 0
def increment():
    global counter
    counter += 1
    return counter
increment()
increment()
print(counter, increment(), counter)
def read_only():
    return counter * 10
print(read_only())
def shadow():
    counter = -1
    return counter
print(shadow(), counter)
config = {"level": 1}
def mutate():
    config["level"] += 1
mutate()
mutate()
print(config)
def create():
    global created
    created = "made inside a function"
create()
print(created)
total = 0
def add_all(xs):
    global total
    for x in xs:
        total += x
add_all([1, 2, 3])
add_all([10])
print(total)
name = "global"
def outer():
    def inner():
        return name
    return inner()
print(outer())
def reset():
    global counter, total
    counter = 0
    total = 0
reset()
print(counter, total)
log = []
def record(msg):
    log.append(msg)
for i in range(3):
    record("event " + str(i))
print(log)
def uses_later_global():
    return later * 2
later = 21
print(uses_later_global())
x = 1
def f():
    global x
    x = x + 1
    def g():
        global x
        x = x * 10
    g()
    return x
print(f(), x)
