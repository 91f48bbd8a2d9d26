# raise X from None, uncaught: the exception being handled is not shown,
# but an explicit cause still is, and a context outside the from is kept.
def to_int(text):
    try:
        return int(text)
    except ValueError:
        raise KeyError(text) from None

def lookup(table, key):
    try:
        return table[to_int(key)]
    except KeyError:
        raise LookupError("no entry for " + repr(key))

print(lookup({1: "one"}, "1"))
print(lookup({1: "one"}, "x"))
