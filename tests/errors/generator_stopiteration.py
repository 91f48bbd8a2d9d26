def first_two(it):
    yield next(it)
    yield next(it)


print(list(first_two(iter([1, 2, 3]))))
print(list(first_two(iter([1]))))
