# IndexError from popping an empty list inside a loop.
stack = [1, 2]
for i in range(3):
    print("popped", stack.pop())
