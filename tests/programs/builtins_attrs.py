# getattr, setattr, hasattr, delattr and callable: attribute access by name,
# defaults, dispatch tables built from method names, and the error messages.
class Robot:
    wheels = 4

    def __init__(self, name):
        self.name = name

    def move(self):
        return self.name + " moves"

    def stop(self):
        return self.name + " stops"

r = Robot("R2")
print(getattr(r, "name"), getattr(r, "wheels"), getattr(Robot, "wheels"))
print(getattr(r, "move")(), getattr(Robot, "stop")(r))
print(getattr(r, "color", "grey"), getattr(r, "color", None))
try:
    getattr(r, "color")
except AttributeError as e:
    print("AttributeError:", e)

setattr(r, "color", "white")
print(r.color, hasattr(r, "color"), hasattr(Robot, "color"))
setattr(Robot, "arms", 2)
print(r.arms, Robot.arms)
attr_name = "speed"
setattr(r, attr_name, 10)
print(r.speed, getattr(r, attr_name) + 1)
delattr(r, "color")
print(hasattr(r, "color"))
try:
    delattr(r, "color")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(r, "wheels")
except AttributeError as e:
    print("AttributeError:", e)
delattr(Robot, "arms")
print(hasattr(r, "arms"))

# Dispatch by name.
for command in ["move", "stop", "fly"]:
    if hasattr(r, command) and callable(getattr(r, command)):
        print(getattr(r, command)())
    else:
        print("unknown command", command)

# Built-in objects too.
print(getattr("abc", "upper")(), getattr([], "append") is not None, hasattr(5, "real"))
print(getattr(5, "real"), hasattr("s", "nope"), callable(getattr(r, "name")))
try:
    setattr("abc", "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    setattr([], "append", None)
except AttributeError as e:
    print("AttributeError:", e)

# Names must be strings.
try:
    getattr(r, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    hasattr(r, None)
except TypeError as e:
    print("TypeError:", e)
try:
    setattr(r, 1, 2)
except TypeError as e:
    print("TypeError:", e)

# Names that are not identifiers still work through setattr/getattr.
setattr(r, "two words", "odd but allowed")
print(getattr(r, "two words"), sorted(vars(r)))

# hasattr swallows only AttributeError.
class Explodes:
    @property
    def boom(self):
        raise ValueError("property raised")

    @property
    def gone(self):
        raise AttributeError("computed attribute missing")

print(hasattr(Explodes(), "gone"))
try:
    hasattr(Explodes(), "boom")
except ValueError as e:
    print("ValueError:", e)
print(getattr(Explodes(), "gone", "default used"))

# callable on various values.
print([callable(v) for v in [Robot, r, r.move, len, "move", 3, lambda: 0, print, None]])
