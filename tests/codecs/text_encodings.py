# str.encode / bytes.decode / str(b, enc) with the encodings beyond UTF-8, ASCII and
# Latin-1: UTF-16/32 (BOM handling, error handlers), charmap codecs through the
# `encodings` package, the escape codecs, and CPython's error messages.
import codecs

s = 'hé€😀'
for enc in ['utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'UTF-32LE', 'utf_32_be', 'u16', 'utf16']:
    b = s.encode(enc)
    print(enc, b, b.decode(enc), str(b, enc) == s, bytearray(b).decode(enc) == s)

# BOM detection when decoding
print(b'\xfe\xff\x00a'.decode('utf-16'), b'\xff\xfea\x00'.decode('utf-16'), b'a\x00'.decode('utf-16'))
print(b'\x00\x00\xfe\xff\x00\x00\x00a'.decode('utf-32'), b'a\x00\x00\x00'.decode('utf-32'))

bad16 = b'a\x00\x00\xdcb\x00c'
for errors in ['strict', 'ignore', 'replace', 'backslashreplace']:
    try:
        print(errors, repr(bad16.decode('utf-16-le', errors)))
    except UnicodeDecodeError as e:
        print(errors, 'UnicodeDecodeError:', e, e.start, e.end, e.reason, e.encoding)
for data, enc in [(b'\x00\xd8', 'utf-16-le'), (b'a', 'utf-16'), (b'\x00\x00\x11\x00', 'utf-32-le'), (b'ab', 'utf-32-be')]:
    try:
        print(data.decode(enc))
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError:', e)

# charmap codecs
for enc in ['cp1252', 'cp437', 'iso8859_15', 'koi8_r', 'mac_roman', 'cp850', 'iso8859-2', 'windows-1252', 'latin9']:
    text = 'héllo' if enc != 'koi8_r' else 'привет'
    b = text.encode(enc)
    print(enc, b, b.decode(enc))
print('€'.encode('cp1252'), b'\x80\x81'.decode('cp1252', 'replace'), b'\x81'.decode('cp1252', 'ignore'))
for f in [lambda: 'ā'.encode('cp1252'), lambda: b'ab\x81'.decode('cp1252'), lambda: 'xā€'.encode('iso8859_15')]:
    try:
        print(f())
    except UnicodeError as e:
        print(type(e).__name__, e)
print('aā€'.encode('cp1252', 'replace'), 'aā'.encode('cp1252', 'backslashreplace'), 'aā'.encode('cp1252', 'xmlcharrefreplace'), 'aā'.encode('cp437', 'ignore'))

# escape codecs through str.encode / bytes.decode
print('a\né€'.encode('unicode_escape'), b'a\\n\\xe9\\u20ac'.decode('unicode_escape'))
print('aé€'.encode('raw_unicode_escape'), b'a\\u20ac\xe9'.decode('raw_unicode_escape'))
print(codecs.escape_encode(b'a\n\xff'), codecs.escape_decode(b'a\\n\\xff'))

print('hé'.encode('utf-8-sig'), b'\xef\xbb\xbfh\xc3\xa9'.decode('utf-8-sig'), b'h\xc3\xa9'.decode('utf-8-sig'))

# errors: unknown encodings, non-text codecs, wrong result types
for f in [lambda: 'x'.encode('nope'), lambda: b'x'.decode('nope'), lambda: 'x'.encode('rot13'), lambda: b'x'.decode('hex'),
          lambda: str(b'x', 'rot_13'), lambda: 'x'.encode('utf-16', 'nosuchhandler'), lambda: b'\x00\xdc'.decode('utf-16-le', 'nosuch')]:
    try:
        print(f())
    except (LookupError, TypeError, UnicodeError) as e:
        print(type(e).__name__, e)

def search(name):
    if name == 'bytesout':
        return codecs.CodecInfo(lambda s, e='strict': ('not bytes', len(s)), lambda b, e='strict': (b'not str', len(b)), name='bytesout')
codecs.register(search)
for f in [lambda: 'x'.encode('bytesout'), lambda: b'x'.decode('bytesout')]:
    try:
        print(f())
    except TypeError as e:
        print('TypeError', e)

# incremental decoders and stream readers of the wide codecs
dec = codecs.getincrementaldecoder('utf-16')()
print([dec.decode(bytes([b])) for b in 'hé😀'.encode('utf-16')], dec.decode(b'', final=True))
enc = codecs.getincrementalencoder('utf-32')()
print(enc.encode('a'), enc.encode('b'))
