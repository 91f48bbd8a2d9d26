# NameError for a name that is never defined (no similar name, so CPython adds no "Did you mean" hint).
def greet(name):
    message = "Hello, " + name
    return total_count
print("calling greet")
print(greet("Ada"))
