# print(file=sys.stderr), sys.stderr.write and flush=True: the messages land
# on stderr, before the traceback.
import sys

print("to stdout")
print("to stderr", 1, 2, sep=", ", file=sys.stderr)
sys.stderr.write("written to stderr\n")
print("flushed", file=sys.stderr, flush=True)
print("stdout again", end="!\n")
sys.stderr.flush()
raise RuntimeError("done")
