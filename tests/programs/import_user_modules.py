# Importing the program's own modules from its directory (sys.path[0]):
# top-level code runs once, names, packages, relative imports, cycles,
# sys.modules, star imports and the import errors.
import sys
import _import_helper
import _import_helper as again
from _import_helper import greet, Point as P

print(again is _import_helper, _import_helper.__name__)
print(greet("a"), greet("b"), _import_helper.counter)
print(P(1, 2), _import_helper.uses_own_global())
print("_import_helper" in sys.modules, sys.modules["_import_helper"] is _import_helper)
print(_import_helper.__file__.endswith("/_import_helper.py"))
print(__name__, sys.modules["__main__"].__name__)

# A module's global rebound from outside is what its functions see.
_import_helper.GREETING = "hi"
print(greet("c"), _import_helper.uses_own_global())

import _importpkg.extra
print(_importpkg.VERSION, _importpkg.shape_area(3, 4), _importpkg.extra.LABEL)
import _importpkg.shapes as sh
print(sh is _importpkg.shapes, sh.area(6, 7))
from _importpkg import extra, shapes
print(extra.LABEL, shapes.__name__, shapes.__package__)
print(sorted(k for k in sys.modules if k.startswith("_import")))

import _import_cycle_a
print(_import_cycle_a.from_b(), _import_cycle_a._import_cycle_b.B_VALUE)

from _import_helper import *
print(greet("d"), Point(5, 6))
try:
    _private
except NameError as e:
    print("NameError:", e)

try:
    import _no_such_module
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    import _importpkg.nope
except ImportError as e:
    print(type(e).__name__, e)
try:
    import _import_helper.sub
except ImportError as e:
    print(type(e).__name__, e)
try:
    from _import_helper import nothing_here
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
print(issubclass(ModuleNotFoundError, ImportError))


def imports_inside():
    import _import_helper as h
    from _importpkg.shapes import area
    return h.greet("f"), area(1, 9)


print(imports_inside())
