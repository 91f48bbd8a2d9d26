# try/except: catching by type, except ... as e, handlers in order, nested try, errors in calls.
def divide(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return "infinity"
print(divide(1, 2), divide(1, 0))
try:
    x = [1, 2, 3][10]
    print("not reached")
except IndexError as e:
    print("IndexError:", e)
try:
    d = {"a": 1}
    print(d["b"])
except KeyError as e:
    print("KeyError:", e)
except IndexError:
    print("wrong handler")
def parse(s):
    try:
        return int(s)
    except ValueError as err:
        print("cannot parse", s, "->", err)
        return 0
print(parse("42") + parse("x1") + parse("-8"))
try:
    try:
        1 / 0
    except KeyError:
        print("inner wrong handler")
    print("not reached")
except ZeroDivisionError as e:
    print("outer caught", e)
def deep(n):
    if n == 0:
        raise ValueError("bottom reached")
    return deep(n - 1)
try:
    deep(5)
except ValueError as e:
    print("from deep:", e)
results = []
for value in ["1", "two", "3", "", "4.5"]:
    try:
        results.append(int(value))
    except ValueError:
        results.append(None)
print(results)
try:
    undefined_name_here
except NameError as e:
    print("NameError:", e)
try:
    "abc".nosuchmethod()  # subset-ok
except AttributeError as e:
    print("AttributeError:", e)
count = 0
while True:
    try:
        count += 1
        if count < 3:
            raise ValueError("retry " + str(count))
        print("succeeded after", count)
        break
    except ValueError as e:
        print("failed:", e)
e = "unchanged"
try:
    raise TypeError("temporary")
except TypeError as err:
    message = str(err)
print(message)
def risky(kind):
    try:
        if kind == 1:
            return 10 // 0
        if kind == 2:
            return [][1]
        return "ok"
    except ZeroDivisionError:
        return "zero"
    except IndexError:
        return "index"
print(risky(1), risky(2), risky(3))
