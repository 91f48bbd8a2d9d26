# sys.exit() and sys.exit(0) end the program successfully; code after them does not run.
import sys
print("before exit")
def check(items):
    for x in items:
        if x < 0:
            print("negative found, exiting normally")
            sys.exit(0)
        print("ok", x)
check([3, 2, 1, -1, 5])
print("not reached")
sys.exit(1)
