# An exception raised while handling another: both tracebacks, joined by the "During handling" line.
def parse(text):
    try:
        return int(text)
    except ValueError:
        raise TypeError("parse() needs digits, got " + repr(text))
print(parse("42"))
print(parse("forty-two"))
