# Built-in types' data attributes as descriptors in their namespaces:
# int's and float's real/imag/numerator/denominator (getset_descriptor),
# range's and slice's start/stop/step (member_descriptor); what dir()
# lists, what assignment says; and the natives' names and equality.
def public(names):
    return [n for n in names if not n.startswith("_")]

print([n for n in ["real", "imag", "numerator", "denominator", "bit_length"] if n in dir(5)])
print([n for n in ["real", "imag", "is_integer"] if n in dir(2.5)], "real" in dir(True))
print(public(dir(range(3))), public(dir(slice(1))))
print(int.real, float.imag, range.start, slice.step)
print(type(int.real).__name__, type(range.stop).__name__, int.numerator.__name__, int.real.__objclass__)
print("real" in vars(int), "start" in vars(range), "real" in vars(bool))

x, b, f = 7, True, 2.5
print(x.real, x.imag, x.numerator, x.denominator, b.real, b.denominator, f.real, f.imag)
r, s = range(1, 10, 2), slice(1, 5, 2)
print(r.start, r.stop, r.step, s.start, s.stop, s.step)

def attempt(obj, name, delete=False):
    try:
        if delete:
            delattr(obj, name)
        else:
            setattr(obj, name, 1)
        print("set", name)
    except AttributeError as e:
        print(type(e).__name__, e)

for obj, name in [(x, "real"), (b, "imag"), (f, "real"), (x, "nope"), (r, "start"), (s, "stop"), (s, "nope")]:
    attempt(obj, name)
attempt(x, "numerator", True)
attempt(r, "step", True)
attempt(int.real, "foo")

# Natives: their names; equal when they are the same built-in.
print(len.__name__, list.append.__name__, int.__add__.__name__, str.upper.__name__)
print(len == len, len != print, len.__eq__(len), len.__eq__(print), len.__eq__(5), {len: 1, print: 2}[len])
print(str.upper == str.upper, str.upper == str.lower, int.__add__ == int.__add__, hash(str.upper) == hash(str.upper))
try:
    type(int.real)()
except TypeError as e:
    print(e)
