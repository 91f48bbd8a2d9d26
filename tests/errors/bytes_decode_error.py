# Decoding bytes that are not UTF-8: an uncaught UnicodeDecodeError.
def read_name(raw):
    name = raw.strip().decode()
    return "<" + name + ">"

print(read_name(b'  alice  '))
print(read_name(b'caf\xc3\xa9'))
print(read_name(b'caf\xe9'))
