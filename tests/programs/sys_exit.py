# sys.exit(3) after output: the exit code is 3 and nothing after the call runs.
import sys
def main():
    print("starting")
    total = 0
    for i in range(5):
        total += i
    print("total", total)
    if total == 10:
        print("exiting with 3")
        sys.exit(3)
    print("not reached")
try:
    main()
finally:
    print("finally runs while exiting")
print("not reached either")
