# Late binding: closures made in a loop all see the loop variable's final
# value, because they share one cell. Fixes: a default argument, a factory
# function, or a comprehension with its own per-item function call.
funcs = []
for i in range(4):
    funcs.append(lambda: i)
print("late:", [f() for f in funcs])
i = 100
print("after rebinding i:", [f() for f in funcs])

def in_function():
    fs = []
    for j in range(4):
        def show():
            return j
        fs.append(show)
    return fs

print("late in function:", [f() for f in in_function()])

# The comprehension variable is one cell too.
squares = [lambda: n * n for n in range(4)]
print("comprehension:", [f() for f in squares])

# Fix 1: bind the current value as a default argument.
fixed = [lambda n=n: n * n for n in range(4)]
print("default arg:", [f() for f in fixed])
print("default can be overridden:", fixed[0](9))

# Fix 2: a factory function creates a new cell per call.
def make(n):
    return lambda: n * n

fixed2 = [make(n) for n in range(4)]
print("factory:", [f() for f in fixed2])

# The cells: all late-binding closures share one cell, factory closures do not.
def cells(fs):
    return [f.__closure__[0] for f in fs]

late_cells = cells(in_function())
print("shared cell:", all([c is late_cells[0] for c in late_cells]))
factory_cells = cells(fixed2)
print("separate cells:", len(factory_cells), factory_cells[0] is factory_cells[1])
print([c.cell_contents for c in factory_cells])

# Button handlers: the classic bug and its fix.
def make_handlers_buggy(names):
    handlers = {}
    for name in names:
        handlers[name] = lambda: "clicked " + name
    return handlers

def make_handlers_fixed(names):
    handlers = {}
    for name in names:
        handlers[name] = (lambda label: lambda: "clicked " + label)(name)
    return handlers

buggy = make_handlers_buggy(["ok", "cancel", "help"])
fixedh = make_handlers_fixed(["ok", "cancel", "help"])
for key in ["ok", "cancel", "help"]:
    print(key, "->", buggy[key](), "|", fixedh[key]())

# A closure sees later changes to the variable, even after the loop.
def counter_snapshot():
    total = 0
    readers = []
    for step in [1, 2, 3]:
        total += step
        readers.append(lambda: total)
    total = -1
    return [r() for r in readers]

print("after loop:", counter_snapshot())

# A comprehension variable lives in the comprehension's own scope: the lambdas
# share its cell, and the global k is a different variable.
actions = [lambda: k * 10 for k in range(3)]
k = 7
print("comprehension cell, global k:", [a() for a in actions], k)
