# bytes/bytearray methods: center/ljust/rjust/zfill/expandtabs/splitlines/title/capitalize/istitle/translate/maketrans.
for b in [b'hello world', bytearray(b'Hello World'), b'', b'abc\tde\tf', b'a\nb\r\nc\rd\n']:
    print(b.center(15, b'*'), b.ljust(13), b.rjust(13, b'-'), b.zfill(14), b.expandtabs(), b.expandtabs(4))
    print(b.splitlines(), b.splitlines(True), b.title(), b.capitalize(), b.istitle())
print(b'-42'.zfill(6), b'+7'.zfill(4), bytearray(b'3').zfill(3), b'abc'.zfill(2))
t = bytes.maketrans(b'abc', b'xyz')
print(len(t), t[97:100], b'aabbcc'.translate(t), b'aabbcc'.translate(t, b'b'), b'hello'.translate(None, b'l'))
print(bytearray(b'abc').translate(t), bytearray.maketrans(b'a', b'b')[97])
print(b'hello World FOO'.title(), b"they're bill's".title(), b'ABC def'.swapcase(), b'Title Case'.istitle())
def e(f):
    try:
        print(repr(f()))
    except Exception as ex:
        print(type(ex).__name__, ex)
e(lambda: b'a'.center(5, b'ab'))
e(lambda: b'a'.center(5, 'x'))
e(lambda: b'a'.ljust())
e(lambda: bytes.maketrans(b'ab', b'c'))
e(lambda: b'x'.translate(b'short'))
e(lambda: b'x'.expandtabs(tabsize=2))
e(lambda: b'x'.zfill('3'))
