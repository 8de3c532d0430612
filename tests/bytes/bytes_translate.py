# translate/maketrans on bytes and bytearray, with delete and None tables.
rot13 = bytes.maketrans(b'abcdefghijklmnopqrstuvwxyz', b'nopqrstuvwxyzabcdefghijklm')
print(b'hello world'.translate(rot13), bytearray(b'uryyb').translate(rot13))
print(b'hello'.translate(None, b'aeiou'), b'hello'.translate(rot13, b'l'), b'x'.translate(None))
print(b'abc'.translate(bytearray(range(256))), b'abc'.translate(memoryview(bytes(range(256)))))
print(b'abc'.translate(None, delete=b'b'))
for bad in [lambda: b'x'.translate(b'ab'), lambda: b'x'.translate('a' * 256), lambda: b'x'.translate(None, 'x'),
            lambda: bytes.maketrans('a', 'b'), lambda: bytes.maketrans(b'a'), lambda: b'x'.translate()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
