# An exception passes through finally blocks, which run before the traceback is printed.
def inner():
    try:
        print("inner try")
        return {}["k"] + 1
    finally:
        print("inner finally")
def outer():
    try:
        inner()
    finally:
        print("outer finally")
outer()
print("not reached")
