# calls with keyword arguments, mixed with positional ones and defaults.
def describe(name, age, city="unknown"):
    return name + " (" + str(age) + ") from " + city
print(describe("Ada", 36))
print(describe(name="Alan", age=41))
print(describe(age=29, name="Grace"))
print(describe("Linus", city="Helsinki", age=21))
print(describe("Ken", 70, city="Murray Hill"))
print(describe(city="Bell Labs", name="Dennis", age=70))
def area(width, height=1, scale=1):
    return width * height * scale
print(area(3), area(3, 4), area(3, scale=10), area(width=2, scale=3), area(1, height=5, scale=2))
def fmt(value, prefix="<", suffix=">"):
    return prefix + str(value) + suffix
print(fmt(1), fmt(1, suffix="]"), fmt(1, prefix="["), fmt(suffix="}", value=2, prefix="{"))
print("a", "b", sep="-")
print("x", end="")
print("y", end="\n")
print(sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len))
nums = [4, 1, 3]
nums.sort(reverse=True, key=lambda n: n % 3)
print(nums)
def kw_only_usage(a, b=2, c=3):
    return [a, b, c]
print(kw_only_usage(1, c=30), kw_only_usage(a=0), kw_only_usage(1, 2, c=9))
apply = lambda f, x: f(x)
print(apply(x=5, f=lambda n: n * n))
def point(x=0, y=0):
    return (x, y)
print(point(), point(1), point(y=2), point(x=3, y=4))
print(round(3.14159, 2), round(2.675, 2))
