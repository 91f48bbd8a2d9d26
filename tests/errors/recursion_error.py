# Unbounded recursion hits the recursion limit (1000 frames): only the last stderr line is compared.
def countdown(n):
    return countdown(n - 1) + 1
print("starting")
countdown(10)
