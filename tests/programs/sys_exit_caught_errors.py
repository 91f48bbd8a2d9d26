# sys.exit is not caught by handlers for ordinary errors; exit code 4 comes through.
import sys
def cleanup():
    print("cleanup")
try:
    try:
        print("about to exit")
        sys.exit(4)
    except (ValueError, TypeError, KeyError, IndexError, ZeroDivisionError):
        print("must not catch SystemExit")
    finally:
        cleanup()
except (NameError, AttributeError, AssertionError):
    print("must not catch SystemExit either")
print("not reached")
