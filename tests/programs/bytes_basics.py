# bytes: literals, repr, sequence operations, comparisons and hashing.
print(b'abc', b"double", b'', b'\x00\xff', b'\n\t\r', b'\x7f\x80\x1f')
print(b"it's", b'say "hi"', b'both \' and "', b'back\\slash')
print(b'\x41\102\0', b'\777', b'\q\u00e9', rb'\x41\n', Rb'raw\\', br'x')
print(b'con' b"cat" rb'\n', b'''triple
quoted''', b'line\
joined')
data = b'hello world'
print(data)
print(len(data), len(b''), data[0], data[4], data[-1], data[-11])
print(data[0:5], data[6:], data[:-6], data[::2], data[::-1], data[3:1], data[100:])
print(data[1:9:3], data[-1:-6:-2], data[::-3])
total = 0
for byte in data:
    total = total + byte
print(total, list(b'AZaz'), tuple(b'\x00\x01'), sorted(b'cab'), max(b'xyz'), min(b'xyz'))
print(list(reversed(b'abc')), list(enumerate(b'hi')), list(zip(b'ab', b'xy')))
first, second = b'ok'
print(first, second, sum(b'\x01\x02\x03'))
print(104 in data, 0 in data, b'wor' in data, b'' in data, b'xyz' in data, b'o w' not in data)
print(data == b'hello world', data != b'hello', b'abc' == 'abc', b'' == b'')
print(b'a' < b'b', b'ab' < b'b', b'abc' < b'abd', b'' < b'\x00', b'\xff' > b'\x7f')
print(b'ab' <= b'ab', b'b' >= b'abc', b'z' > b'a', sorted([b'b', b'', b'ab', b'\xff', b'a']))
print(b'ab' + b'cd', b'-' * 5, 3 * b'xy', b'abc' * 0, b'abc' * -2)
joined = b''
for part in [b'a', b'b', b'c']:
    joined += part
print(joined, joined * 2)
table = {b'key': 1, 'key': 2, b'': 3}
print(table[b'key'], table['key'], table[b''], len(table), b'key' in table)
table[b'k' + b'ey'] = 10
print(table)
print(bool(b''), bool(b'\x00'), bool(b'x'), not b'')
if b'':
    print("empty bytes are true")
else:
    print("empty bytes are false")
print(isinstance(data, bytes), isinstance('text', bytes), isinstance(b'', str))
print(type(data).__name__, type(data), bytes, type(data) == bytes)  # subset-ok
print(str(b'x'), repr(b'x'), str(b"'"), f"{b'fmt'}", f"[{data[:5]}]")
print([b'in', b'list'], (b'in', b'tuple'), {b'k': b'v'})
print(bytes(), bytes(4), bytes([104, 105]), bytes((0, 255)), bytes(range(65, 70)))
print(bytes(b'copy'), bytes([True, False]), bytes({7: 'x'}))
print(ord(b'a'), ord(b'\xff'), int(b'42'), int(b'-7'), int(b'ff', 16), float(b'2.5'))
words = [b'gamma', b'alpha', b'beta']
words.sort()
print(words, b'alpha' in words, words.index(b'beta'))
print(b'x' if b'x' else b'y', b'' or b'default', b'a' and b'b')
