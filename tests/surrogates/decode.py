# Decoding undecodable bytes with surrogateescape / surrogatepass and the other handlers.
import codecs

cases = [
    ('utf-8', b'a\xff\xfeb\xc3\xa9'),
    ('utf-8', b'\xed\xb2\x80\xed\xa0\x80x'),
    ('utf-8', b'\xe2\x82'),
    ('utf-8', b'\xed\xb2\x80\xffz'),
    ('ascii', b'a\x80\xffb'),
    ('latin-1', b'a\x80\xff'),
    ('utf-16-le', b'\x80\xdca\x00'),
    ('utf-16-le', b'\x00\xd8a\x00\x00\xdc'),
    ('utf-16-le', b'\x80\xdc\x00\xdc'),
    ('utf-16-be', b'\xdc\x80\x00'),
    ('utf-16', b'\xff\xfe\x00\xdc'),
    ('utf-32-le', b'\x00\xdc\x00\x00a\x00\x00\x00'),
    ('utf-32-be', b'\x00\x00\xdc\x80\x00\x11\x00\x00'),
]
for enc, data in cases:
    for err in ['strict', 'surrogateescape', 'surrogatepass', 'replace', 'ignore', 'backslashreplace']:
        try:
            r = repr(data.decode(enc, err))
        except UnicodeDecodeError as e:
            r = f'{type(e).__name__}: {e} [{e.start}:{e.end}] {e.reason!r}'
        print(enc, data, err, r)

# round trips
raw = bytes(range(256))
s = raw.decode('utf-8', 'surrogateescape')
print(len(s), s.encode('utf-8', 'surrogateescape') == raw, repr(s[126:130]))
print(raw.decode('ascii', 'surrogateescape').encode('ascii', 'surrogateescape') == raw)
p = '\ud800\udbff\udc00\udfff'
for enc in ['utf-8', 'utf-16', 'utf-16-be', 'utf-32-le']:
    print(enc, p.encode(enc, 'surrogatepass').decode(enc, 'surrogatepass') == p)
print(repr(str(b'\xffx', 'utf-8', 'surrogateescape')), repr(codecs.decode(b'\xf0\x9f', 'utf-8', 'surrogateescape')))
print(codecs.utf_8_decode(b'\xed\xb2\x80', 'surrogatepass', True), codecs.utf_16_le_decode(b'\x80\xdc', 'surrogatepass'))
print(codecs.utf_16_ex_decode(b'\xfe\xff\xdc\x80', 'surrogatepass'), codecs.utf_32_decode(b'\x80\xdc\x00\x00', 'surrogatepass'))
print(repr(codecs.unicode_escape_decode(b'\\udc80\\U0000d800')[0]), repr(codecs.raw_unicode_escape_decode(b'\\udcff')[0]))
print(repr(b'\x81'.decode('cp1252', 'surrogateescape')), repr('\udc81'.encode('cp1252', 'surrogateescape')))

# a decoding handler registered from Python
def hexify(exc):
    return ('[%s]' % exc.object[exc.start:exc.end].hex(), exc.end)
codecs.register_error('h1.hex', hexify)
print(repr(b'a\xff\xfeb'.decode('utf-8', 'h1.hex')), repr(b'\x00\xdcx\x00'.decode('utf-16-le', 'h1.hex')))
try:
    b'\xff'.decode('utf-8', 'xmlcharrefreplace')
except TypeError as e:
    print('TypeError', e)
try:
    b'\x80\xdc\x00\xdc'.decode('utf-16-le', 'surrogateescape')
except UnicodeDecodeError as e:
    print(repr(e), e.args[2:4], e.start, e.end, e.reason)
