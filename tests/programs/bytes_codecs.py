# Encoding str to bytes and decoding back: codecs, error handlers, and the
# UnicodeDecodeError / UnicodeEncodeError messages.
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:  # subset-ok
        print(label, type(e).__name__ + ":", e)  # subset-ok

text = 'café €5 😀'  # subset-ok
encoded = text.encode()
print(encoded, len(encoded), len(text.encode('utf-8')), encoded.decode() == text)
print(text.encode('UTF8'), 'x'.encode('utf_8'), 'x'.encode(' U8 '), 'x'.encode(encoding='utf-8'))
print('café'.encode('latin-1'), 'café'.encode('iso-8859-1'), 'abc'.encode('ascii'), 'abc'.encode('US-ASCII'))  # subset-ok
print(encoded.decode('utf-8'), b'caf\xe9'.decode('latin-1'), b'plain'.decode('ascii'))
print(b'hi'.decode(encoding='ascii'), b'hi'.decode('ascii', errors='strict'), b'\xc3\xa9'.decode())
print(bytes('naïve', 'utf-8'), bytes('abc', encoding='ascii'), bytes('é', 'latin1', 'strict'))  # subset-ok
print(str(b'abc', 'ascii'), str(b'\xc3\xa9', 'utf-8'), str(b'\xe9', encoding='latin-1'), str(b'x', errors='strict'))
print(str(object=b'abc'), str(object=5), str(encoding='ascii'))
for bad in [b'\xff', b'ab\xe2\x82', b'\xe2\x82x', b'a\xe2x', b'\xed\xa0\x80', b'\xf4\x90\x80\x80',
            b'\xc0\x80', b'\xf0\x9f\x98', b'\xf0\x9f\x98x', b'\xe0\x9f\x80', b'\xf0\x8f\x80\x80']:
    attempt("decode " + repr(bad) + ":", lambda: bad.decode())
attempt("ascii decode:", lambda: b'ab\xff\xfe'.decode('ascii'))
attempt("ascii encode:", lambda: 'naïve'.encode('ascii'))  # subset-ok
attempt("ascii run:", lambda: 'aéé€b'.encode('ascii'))  # subset-ok
attempt("ascii euro:", lambda: 'a€'.encode('ascii'))  # subset-ok
attempt("latin-1 emoji:", lambda: 'x😀'.encode('latin-1'))  # subset-ok
mixed = b'\x80ok\xc2x\xe2\x82\xf0\x90\x80'
print(repr(mixed.decode('utf-8', 'replace')), repr(mixed.decode('utf-8', 'ignore')))
print(repr(mixed.decode('utf-8', 'backslashreplace')), repr(b'a\xffb'.decode('ascii', 'replace')))
print('aé€😀'.encode('ascii', 'replace'), 'aé€😀'.encode('ascii', 'ignore'))  # subset-ok
print('aé€😀'.encode('ascii', 'backslashreplace'), 'aé€😀'.encode('ascii', 'xmlcharrefreplace'))  # subset-ok
print('aé€😀'.encode('latin-1', 'replace'), 'é'.encode('ascii', 'replace'))  # subset-ok
print('clean'.encode('ascii', 'no-such-handler'), b'clean'.decode('utf-8', 'no-such-handler'))
attempt("unknown handler:", lambda: 'é'.encode('ascii', 'no-such-handler'))  # subset-ok
attempt("surrogateescape:", lambda: 'é'.encode('ascii', 'surrogateescape'))  # subset-ok
attempt("decode xmlcharref:", lambda: b'\xff'.decode('ascii', 'xmlcharrefreplace'))
attempt("unknown encoding:", lambda: 'x'.encode('no-such-codec'))
attempt("unknown decoding:", lambda: b'x'.decode('no-such-codec'))
try:
    b'ab\xffcd'.decode()
except UnicodeDecodeError as e:
    print(e)
    print(e.args)  # subset-ok
    print(e.encoding, e.object, e.start, e.end, e.reason)
    print(repr(e))
    print(isinstance(e, UnicodeError), isinstance(e, ValueError))
try:
    'x€y'.encode('ascii')  # subset-ok
except ValueError as e:
    print(type(e).__name__, e.args, e.start, e.end, e.object)  # subset-ok
print(UnicodeDecodeError('utf-8', b'abc', 0, 2, 'made up'))
print(UnicodeEncodeError('ascii', 'abc', 1, 2, 'made up'))
print(UnicodeError('plain message'), UnicodeDecodeError.__name__)  # subset-ok
attempt("bytes(str):", lambda: bytes('abc'))
attempt("bytes(int, enc):", lambda: bytes(3, 'ascii'))
attempt("bytes(errors):", lambda: bytes('abc', errors='strict'))
attempt("bytes() errors:", lambda: bytes(errors='strict'))
attempt("bytes(enc type):", lambda: bytes('abc', None))
attempt("bytes(-1):", lambda: bytes(-1))
attempt("bytes(300):", lambda: bytes([1, 300]))
attempt("bytes([str]):", lambda: bytes(['a']))
attempt("bytes(float):", lambda: bytes(2.5))
attempt("bytes(None):", lambda: bytes(None))
attempt("bytes(4 args):", lambda: bytes('a', 'ascii', 'strict', 'x'))
attempt("bytes(keyword):", lambda: bytes(size=3))
attempt("str(str, enc):", lambda: str('abc', 'ascii'))
attempt("str(int, enc):", lambda: str(5, 'ascii'))
attempt("encode type:", lambda: 'x'.encode(5))
attempt("decode None:", lambda: b'x'.decode(None))
attempt("decode args:", lambda: b'x'.decode('ascii', 'strict', 'x'))
attempt("encode keyword:", lambda: 'x'.encode(codec='ascii'))
