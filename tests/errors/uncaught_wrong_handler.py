# A handler for a different type does not catch the error; it propagates out.
def convert(s):
    try:
        return float(s)
    except TypeError:
        print("never printed")
        return 0.0
print(convert("2.5"))
print(convert("two"))
