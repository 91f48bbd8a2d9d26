# A failing assert without a message prints just the exception name.
x = 1
assert x == 1
print("first assert passed")
assert x == 2
