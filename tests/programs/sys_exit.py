# sys.exit(3) after output: the exit code is 3, finally blocks run, nothing after the call runs.
import sys
def summarize(values):
    total = 0
    for v in values:
        total += v
    return total, total / len(values)
def main():
    print("starting")
    total, mean = summarize([0, 1, 2, 3, 4])
    print("total", total, "mean", mean)
    status = {"ok": 0, "warning": 3, "error": 1}
    level = "warning" if total == 10 else "ok"
    print("level", level, "-> exit code", status[level])
    if status[level] != 0:
        print("exiting with", status[level])
        sys.exit(status[level])
    print("not reached")
try:
    main()
finally:
    print("finally runs while exiting")
print("not reached either")
