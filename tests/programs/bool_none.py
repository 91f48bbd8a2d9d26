# bool and None: printing, arithmetic with bools, comparisons, identity.
print(True, False, None)
print(True + True, True * 10, False - 1, -True)
print(True == 1, False == 0, True is True, None is None)
print(True and False, True or False, not True, not None)
print(1 < 2, 2 < 1, 3 == 3, 3 != 3)
print(str(True), str(None), repr(False))
print(int(True), int(False), float(True))
print(bool(0), bool(1), bool(-1), bool(""), bool("a"), bool([]), bool([0]))
print(bool(None), bool({}), bool({1: 2}), bool(()), bool((0,)))
print([True, False, None])
print({"t": True, "n": None})
x = None
if x is None:
    print("x is None")
if x is not None:
    print("unreachable")
else:
    print("x is still None")
def nothing():
    pass
def implicit():
    return
print(nothing(), implicit())
print(nothing() is None)
flags = [True, False, True, True]
print(sum(flags), max(flags), min(flags))
print(True < 2, False < True, sorted([True, False, True]))
print(isinstance(True, bool), isinstance(True, int), isinstance(1, bool))
print(None == None, None == 0, None != False)
count = 0
for f in flags:
    count += f
print(count)
print(True / 2, True // 2, True % 2)
