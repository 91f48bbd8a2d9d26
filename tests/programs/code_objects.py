# A generator's gi_code is a code object: its type, repr and the attributes
# that name it (the bytecode itself is MiniPy's own and stays hidden).


def countdown(n):
    while n > 0:
        yield n
        n -= 1


class Box:
    def items(self):
        yield 1


g = countdown(3)
code = g.gi_code
print(type(code).__name__, code.co_name, code.co_firstlineno)
print(repr(code).startswith("<code object countdown at 0x"), repr(code).endswith(", line 5>"))
print(code.co_filename.endswith("code_objects.py"))
print(Box().items().gi_code.co_qualname, Box().items().gi_code.co_name)
print(code is countdown(1).gi_code, code == g.gi_code, hash(code) == hash(g.gi_code))
try:
    code.co_nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    code.co_name = "x"
except AttributeError as e:
    print("AttributeError:", e)
print(list(g), g.gi_frame)
