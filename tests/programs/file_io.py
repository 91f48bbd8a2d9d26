# open() for text and binary files: every mode, reading by size, line and
# iteration, seek/tell, with-blocks, newline translation, and the errors.
# The program makes its own files in /tmp and removes them.
import os

base = "/tmp/minipy_file_io_" + str(os.getpid())
path = base + ".txt"

with open(path, "w") as f:
    print(f.write("first line\n"), f.write("second: caf\u00e9\n"), f.writable(), f.readable(), f.closed)
    f.writelines(["third\n", "fourth\n", "no newline at end"])
    print(f.name == path, f.mode, f.encoding)
print(f.closed)

with open(path) as f:
    print(repr(f.read()))
with open(path, "r", encoding="utf-8") as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.read(5)), repr(f.readline(3)), f.tell())
    print(f.readlines())
    print(repr(f.readline()), repr(f.read()))
with open(path) as f:
    for n, line in enumerate(f):
        print(n, repr(line))
with open(path) as f:
    print([line.rstrip("\n") for line in f if "i" in line])
    print(f.seek(0), repr(f.read(10)), f.seek(0, 2) > 40, repr(f.read()))

with open(path, "a") as f:
    f.write("\nappended")
print(open(path).read().splitlines()[-2:])

with open(path, "w+") as f:
    f.write("one\ntwo\n")
    f.seek(0)
    print(f.readlines(), f.tell())
with open(path, "r+") as f:
    f.write("ONE")
    f.seek(0)
    print(repr(f.read()))

# Universal newlines on reading; newline="" keeps them.
with open(path, "wb") as f:
    print(f.write(b"a\r\nb\rc\nd"), f.mode)
with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    print(f.readlines())
with open(path, newline="") as f:
    print(f.readlines())

# Binary files.
data = bytes(range(256))
with open(path, "wb") as f:
    f.write(data)
    f.write(b"\n\x00end\n")
with open(path, "rb") as f:
    print(len(f.read()), f.tell(), f.seek(250), f.read(6), f.seek(-3, 2), f.read())
    f.seek(0)
    print(len(f.readline()), f.readline(), f.readline(), f.readline())
with open(path, "ab") as f:
    f.write(b"more")
with open(path, "rb") as f:
    print(f.read()[-8:], type(f).__name__)

# Errors CPython raises, and their messages.
try:
    open(base + "_missing.txt")
except FileNotFoundError as e:
    print("FileNotFoundError", str(e).replace(base, "BASE"))
try:
    open(path, "x")
except FileExistsError as e:
    print("FileExistsError", str(e).replace(base, "BASE"))
try:
    open("/tmp")
except IsADirectoryError as e:
    print("IsADirectoryError", e)
try:
    open(base + "_missing.txt")
except OSError as e:
    print("OSError catches it:", type(e).__name__)
for bad in ["rw", "q", "rbt", "r++"]:
    try:
        open(path, bad)
    except ValueError as e:
        print("ValueError", e)
f = open(path, "rb")
f.close()
f.close()
for call in [f.read, f.readline, f.tell]:
    try:
        call()
    except ValueError as e:
        print("ValueError", e)
with open(path, "w") as f:
    try:
        f.write(b"bytes")
    except TypeError as e:
        print("TypeError", e)
with open(path, "wb") as f:
    try:
        f.write("text")
    except TypeError as e:
        print("TypeError", e)
with open(base + "_x.txt", "x") as f:
    f.write("exclusive")
print(open(base + "_x.txt").read(), os.path.exists(base + "_x.txt"), os.path.isfile(path), os.path.isdir("/tmp"))
print(os.path.basename(path) in os.listdir("/tmp"))
os.remove(base + "_x.txt")
os.remove(path)
print(os.path.exists(path))
try:
    os.remove(path)
except FileNotFoundError as e:
    print("FileNotFoundError", str(e).replace(base, "BASE"))
