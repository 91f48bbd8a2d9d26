import math


def area(radius_squared):
    return math.pi * math.sqrt(radius_squared)


print(area(4.0))
print(area(-1.0))
