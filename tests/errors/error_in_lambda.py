# An error inside a lambda shows a frame named <lambda>.
scale = lambda value, factor: value // factor
def apply(f, a, b):
    return f(a, b)
print(apply(scale, 10, 3))
print(apply(scale, 10, 0))
