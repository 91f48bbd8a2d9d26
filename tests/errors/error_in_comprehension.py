# An error inside comprehensions: CPython 3.11 runs each comprehension as a
# function, so the traceback has a "<dictcomp>" and a "<listcomp>" line, and
# the enclosing frames show the line where each comprehension starts.
def ratios(rows):
    return {name: [100 // v for v in values]
            for name, values in rows}

print(ratios([("a", [1, 2])]))
try:
    ratios([("b", [0])])
except ZeroDivisionError as e:
    print("caught:", e)
print(ratios([("c", [5]), ("d", [4, 0])]))
