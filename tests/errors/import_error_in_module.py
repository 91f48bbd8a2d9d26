# A traceback through a module that fails while it is imported; the failed
# module is not left in sys.modules.
import sys

try:
    import _raising_helper
except ZeroDivisionError as e:
    print("caught:", e, "_raising_helper" in sys.modules)
import _raising_helper
