# 2 ** 62 fits, 2 ** 63 does not; the error is raised inside a function.
def power_of_two(n):
    return 2 ** n
for n in [0, 31, 62]:
    print(n, power_of_two(n))
print(power_of_two(63))
