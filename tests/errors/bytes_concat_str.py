# Adding a str to bytes: TypeError, as in CPython.
header = b'HTTP/1.1 '
status = b'200'
print(header + status)
line = header + status + ' OK'
print(line)
