# sys.exit(0) ends the program successfully from inside nested calls; code after it does not run.
import sys
print("before exit")
seen = []
def visit(x):
    seen.append(x)
    print("ok", x, "seen so far", len(seen))
def check(items):
    for x in items:
        if x < 0:
            print("negative found after", seen, "- exiting normally")
            sys.exit(0)
        visit(x)
def run():
    try:
        check([3, 2, 1, -1, 5])
    finally:
        print("run's finally block")
run()
print("not reached")
sys.exit(1)
