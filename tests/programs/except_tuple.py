# except (A, B) as e: one handler for several types; handler order; unmatched types propagate.
def trigger(kind):
    if kind == "zero":
        return 1 // 0
    if kind == "index":
        return [1][3]
    if kind == "key":
        return {"a": 1}["b"]
    if kind == "value":
        return int("nope")
    if kind == "type":
        return len(3)
    return "fine"
for kind in ["zero", "index", "key", "value", "type", "none"]:
    try:
        result = trigger(kind)
        print(kind, "ok:", result)
    except (IndexError, KeyError) as e:
        print(kind, "lookup error:", e)
    except (ZeroDivisionError, ValueError) as e:
        print(kind, "math or value error:", e)
    except TypeError as e:
        print(kind, "type error:", e)
def only_some(kind):
    try:
        trigger(kind)
    except (KeyError, ValueError):
        return "handled " + kind
    return "nothing to handle"
try:
    print(only_some("key"))
    print(only_some("value"))
    print(only_some("none"))
    print(only_some("zero"))
except ZeroDivisionError as e:
    print("propagated to caller:", e)
errors = (TypeError, NameError)
try:
    missing_name
except errors as e:
    print("caught via tuple variable:", e)
try:
    try:
        [].pop()
    except (KeyError, ZeroDivisionError):
        print("wrong")
except (IndexError) as e:
    print("parenthesised single type:", e)
caught = []
for thunk in [lambda: 1 / 0, lambda: [][0], lambda: {}[1], lambda: int("z"), lambda: None]:
    try:
        thunk()
        caught.append("none")
    except (ZeroDivisionError, IndexError, KeyError, ValueError) as e:
        caught.append(str(e))
print(caught)
