# Class attributes versus instance attributes: __init__, shadowing, a shared
# mutable class attribute, and attributes added to a class after the fact.
class Dog:
    species = "canis familiaris"
    count = 0
    tricks = []

    def __init__(self, name, age=1):
        self.name = name
        self.age = age
        Dog.count += 1

    def describe(self):
        return self.name + " is " + str(self.age)

rex = Dog("Rex", 3)
fido = Dog("Fido")
print(rex.describe(), "|", fido.describe())
print(rex.species, fido.species, Dog.species)
print("count", Dog.count, rex.count, fido.count)

# Assigning through an instance creates an instance attribute that shadows the class one.
rex.species = "wolf"
print(rex.species, fido.species, Dog.species)
del rex.species
print("after del:", rex.species)

# Changing the class attribute is seen by every instance that does not shadow it.
Dog.species = "dog"
print(rex.species, fido.species)

# A mutable class attribute is shared: append through one instance, see it in all.
rex.tricks.append("sit")
fido.tricks.append("roll")
print(rex.tricks, fido.tricks, Dog.tricks, rex.tricks is Dog.tricks)

# += on an int class attribute through an instance reads the class, writes the instance.
rex.count += 10
print("rex.count", rex.count, "Dog.count", Dog.count, "fido.count", fido.count)

# Instance attributes can be added from outside, class attributes too.
fido.owner = "Ann"
print(fido.owner, hasattr(rex, "owner"))
Dog.legs = 4
print(rex.legs, fido.legs)

# Each instance has its own __dict__; the class attributes are not in it.
print(rex.__dict__)
print(fido.__dict__)
print("species" in Dog.__dict__, "name" in Dog.__dict__)

# An empty class still makes distinct instances.
class Empty:
    pass

a = Empty()
b = Empty()
print(a is b, a == b, type(a) is Empty, a.__dict__)
a.x = 1
print(a.x, b.__dict__)

# Methods see the instance they are called on.
class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, by=1):
        self.n += by
        return self

c = Counter()
c.bump().bump(5).bump()
print("counter", c.n)
print(Counter().bump(2).n)
try:
    print(c.missing)
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(Dog.name)
except AttributeError as e:
    print("AttributeError:", e)
