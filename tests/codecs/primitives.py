# _codecs primitives: UTF-8/16/32, Latin-1, ASCII, escape codecs, charmap, the error
# handler registry, and the errors they raise.
import _codecs
print(_codecs.utf_8_decode(b'ab\xc3', None, False), _codecs.utf_8_decode(b'ab\xe2\x82', 'strict', False), _codecs.utf_8_decode(b'ab\xe2\x82', 'replace', True))
print(_codecs.escape_encode(b'a\'"\n\x00\xff'), _codecs.escape_decode(b'a\\n\\x41\\101\\\\q'), _codecs.unicode_escape_encode('a\n\'é€😀'), _codecs.raw_unicode_escape_encode('aé€\\'))
print(_codecs.utf_16_encode('ab'), _codecs.utf_16_decode(b'\xff\xfea\x00b'), _codecs.utf_32_be_encode('a'), _codecs.utf_16_be_encode('😀'), _codecs.utf_16_le_decode(b'=\xd8\x00\xde'))
print(_codecs.utf_32_decode(b'\x00\x00\xfe\xff\x00\x00\x00a', None, True), _codecs.utf_16_ex_decode(b'\xfe\xff\x00a', None, 0, True))
print(_codecs.unicode_escape_decode(b'\\u20ac\\x41\\n\\U0001f600 \\101'), _codecs.raw_unicode_escape_decode(b'\\u20ac \\\\u20ac \\x41'))
print(_codecs.latin_1_encode('abé'), _codecs.ascii_decode(b'abc'), _codecs.charmap_decode(b'\x00\x01', 'strict', 'xy'), _codecs.charmap_encode('yx', 'strict', _codecs.charmap_build('xy')))
print(_codecs.readbuffer_encode('abc'), _codecs.charmap_decode(b'ab'))
for f in [lambda: _codecs.lookup_error('nope'), lambda: _codecs.register(1), lambda: _codecs.utf_16_decode(b'a', 'strict', True),
          lambda: _codecs.ascii_encode('é'), lambda: _codecs.ascii_decode(b'\xff'), lambda: _codecs.unicode_escape_decode(b'\\x4'),
          lambda: _codecs.escape_decode(b'\\x4'), lambda: _codecs.charmap_decode(b'\x05', 'strict', 'ab'), lambda: _codecs.charmap_encode('z', 'strict', {}),
          lambda: _codecs.utf_8_encode(b'x'), lambda: _codecs.escape_encode('x'), lambda: _codecs.raw_unicode_escape_decode(b'\\u12'),
          lambda: _codecs.utf_16_le_decode(b'\x00\xdc', 'strict', True), lambda: _codecs.escape_decode(b'abc\\')]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
h = _codecs.lookup_error('replace')
print(h(UnicodeEncodeError('ascii', 'aéé', 1, 3, 'x')), h(UnicodeDecodeError('ascii', b'a\xff', 1, 2, 'x')))
print(_codecs.lookup_error('backslashreplace')(UnicodeEncodeError('ascii', 'aé€', 1, 3, 'x')), _codecs.lookup_error('xmlcharrefreplace')(UnicodeEncodeError('ascii', 'aé€', 1, 3, 'x')))
print(_codecs.lookup_error('ignore')(UnicodeDecodeError('ascii', b'a\xff', 1, 2, 'x')), _codecs.lookup_error('backslashreplace')(UnicodeDecodeError('ascii', b'a\xff\xfe', 1, 3, 'x')))
_codecs.register_error('mine', lambda e: ('!', e.end))
print(_codecs.lookup_error('mine')(UnicodeEncodeError('ascii', 'aé', 1, 2, 'x')))
try: _codecs.lookup_error('strict')(UnicodeEncodeError('ascii', 'aé', 1, 2, 'boom'))
except UnicodeEncodeError as e: print('strict:', e)
