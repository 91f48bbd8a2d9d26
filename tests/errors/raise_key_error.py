# raise KeyError("...") prints the message with quotes, like a missing key.
def lookup(table, key):
    if key not in table:
        raise KeyError(key)
    return table[key]
print(lookup({"a": 1}, "a"))
lookup({"a": 1}, "missing key")
