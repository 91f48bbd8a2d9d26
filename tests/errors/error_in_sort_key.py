# An error inside a sort key lambda: the builtin sorted() adds no frame of its own.
records = [("ann", 31), ("bob", None), ("cid", 25)]
print(sorted(records, key=lambda r: r[0]))
print(sorted(records, key=lambda r: -r[1]))
