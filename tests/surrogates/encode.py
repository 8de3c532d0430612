# Encoding strs with lone surrogates under every error handler.
import codecs

text = 'a\udc80\udcffb\ud800c\xe9'
for enc in ['utf-8', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-be', 'ascii', 'latin-1']:
    for err in ['strict', 'surrogateescape', 'surrogatepass', 'replace', 'ignore',
                'backslashreplace', 'xmlcharrefreplace', 'namereplace']:
        try:
            r = repr(text.encode(enc, err))
        except UnicodeEncodeError as e:
            r = f'{type(e).__name__}: {e} {e.start} {e.end} {e.reason!r} {e.object[e.start:e.end]!r}'
        print(enc, err, r)

# messages: one character vs a run
for s in ['\udc80', 'xy\udc80\udc81z', '\ud800\udc00']:
    try:
        s.encode('utf-8')
    except UnicodeEncodeError as e:
        print(e)
try:
    'ab\udc80'.encode('utf-16')
except UnicodeEncodeError as e:
    print(e, repr(e.encoding))

# the codec primitives and codecs.encode agree with str.encode
print(codecs.utf_8_encode('\udc80', 'surrogatepass'), codecs.utf_16_le_encode('\udc80x', 'surrogatepass'))
print(codecs.encode('\udcff', 'utf-8', 'surrogateescape'), codecs.latin_1_encode('\udcfe', 'surrogateescape'))
print(codecs.utf_32_be_encode('\ud800', 'surrogatepass'), codecs.ascii_encode('\udc41\udcc1', 'backslashreplace'))
print(codecs.unicode_escape_encode('\udc80\xff'), codecs.raw_unicode_escape_encode('\udc80'))

# the handler functions themselves
se = codecs.lookup_error('surrogateescape')
sp = codecs.lookup_error('surrogatepass')
e = UnicodeEncodeError('utf-8', 'a\udc80\udc81', 1, 3, 'surrogates not allowed')
print(se(e), sp(e), codecs.lookup_error('backslashreplace')(e), codecs.lookup_error('xmlcharrefreplace')(e))
print(codecs.lookup_error('namereplace')(UnicodeEncodeError('ascii', '\xe9\udc80', 0, 2, 'x')))
d = UnicodeDecodeError('utf-8', b'a\xff\xfe', 1, 3, 'invalid start byte')
print(repr(se(d)))
try:
    se(UnicodeEncodeError('ascii', '\xe9', 0, 1, 'ordinal not in range(128)'))
except UnicodeEncodeError as e:
    print('re-raised', e)
d2 = UnicodeDecodeError('utf-8', b'\xed\xb2\x80z', 0, 1, 'invalid continuation byte')
print(repr(sp(d2)))
try:
    sp(UnicodeDecodeError('utf-8', b'\xffz', 0, 1, 'invalid start byte'))
except UnicodeDecodeError as e:
    print('re-raised', e)

# a handler registered from Python
def mark(exc):
    return ('<%s>' % ','.join(hex(ord(c)) for c in exc.object[exc.start:exc.end]), exc.end)
codecs.register_error('h1.mark', mark)
print('x\udc80\udc81y'.encode('utf-8', 'h1.mark'), 'x\udc80y'.encode('utf-16-be', 'h1.mark'), 'é\udc80'.encode('ascii', 'h1.mark'))
try:
    'x'.encode('utf-8', 'h1.nope') , '\udc80'.encode('utf-8', 'h1.nope')
except LookupError as e:
    print('LookupError', e)
