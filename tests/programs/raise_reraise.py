# raise: built-in exceptions with messages, bare raise re-raises the current exception.
def check_age(age):
    if age < 0:
        raise ValueError("age cannot be negative")
    if age > 150:
        raise ValueError("age " + str(age) + " is not realistic")
    return age
for a in [30, -1, 200]:
    try:
        print("valid", check_age(a))
    except ValueError as e:
        print("invalid:", e)
def lookup(d, key):
    try:
        return d[key]
    except KeyError:
        print("lookup failed for", key, "- re-raising")
        raise
try:
    lookup({"a": 1}, "b")
except KeyError as e:
    print("caller saw KeyError", e)
print(lookup({"a": 1}, "a"))
def wrap():
    try:
        1 / 0
    except ZeroDivisionError as e:
        print("logging:", e)
        raise
try:
    wrap()
except ZeroDivisionError as e:
    print("still ZeroDivisionError:", e)
def convert(s):
    try:
        return int(s)
    except ValueError:
        raise TypeError("expected digits, got " + s)
try:
    convert("abc")
except TypeError as e:
    print("converted error:", e)
for exc_name in ["type", "index", "key", "name", "attr", "assert", "overflow", "recursion"]:
    try:
        if exc_name == "type":
            raise TypeError("custom type error")
        elif exc_name == "index":
            raise IndexError("custom index error")
        elif exc_name == "key":
            raise KeyError("custom key")
        elif exc_name == "name":
            raise NameError("custom name error")
        elif exc_name == "attr":
            raise AttributeError("custom attribute error")
        elif exc_name == "assert":
            raise AssertionError("custom assertion")
        elif exc_name == "overflow":
            raise OverflowError("custom overflow")
        else:
            raise RecursionError("custom recursion")
    except (TypeError, IndexError, KeyError, NameError) as e:
        print("group 1:", e)
    except (AttributeError, AssertionError, OverflowError, RecursionError) as e:
        print("group 2:", e)
def retry(times):
    for attempt in range(times):
        try:
            if attempt < 2:
                raise ValueError("attempt " + str(attempt) + " failed")
            return "success on attempt " + str(attempt)
        except ValueError as e:
            print(e)
            if attempt == times - 1:
                raise
    return "unreachable"
print(retry(5))
try:
    retry(2)
except ValueError as e:
    print("gave up:", e)
err = ValueError("stored")
try:
    raise err
except ValueError as e:
    print("raised a stored exception:", e)
