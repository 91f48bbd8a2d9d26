# sys.exit is not caught by handlers for ordinary errors; exit code 4 comes through.
import sys
log = []
def cleanup():
    log.append("cleanup")
    print("cleanup, log:", log)
def work(n):
    for i in range(n):
        log.append(i)
    print("worked", n, "steps")
try:
    try:
        work(3)
        print("about to exit")
        sys.exit(4)
    except (ValueError, TypeError, KeyError, IndexError, ZeroDivisionError):
        print("must not catch SystemExit")
    except (NameError, AttributeError, AssertionError, OverflowError, RecursionError):
        print("must not catch SystemExit either")
    finally:
        cleanup()
finally:
    print("outer finally")
print("not reached")
