# An OverflowError can be caught like any other error; the uncaught second one ends the program.
def subtract(a, b):
    return a - b
low = -9223372036854775807
try:
    subtract(low, 2)
except OverflowError as e:
    print("caught:", e)
print(subtract(low, 1))
print(subtract(low, 10))
