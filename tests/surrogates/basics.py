# Lone surrogates in str: literals, chr/ord, repr/ascii, len, slicing, comparison.
import codecs  # compiles the escape codecs in
import unicodedata

s = '\udc80'
print(len(s), ord(s), repr(s), ascii(s), str(s) == s)
for cp in (0xD800, 0xDBFF, 0xDC00, 0xDC80, 0xDCFF, 0xDFFF):
    c = chr(cp)
    print(hex(ord(c)), repr(c), c == chr(cp), len(c), c.isprintable(), unicodedata.category(c))

t = 'a\ud800b\U0001f600\udfffc'
print(repr(t), len(t), [hex(ord(c)) for c in t])
print(repr(t[1]), repr(t[1:4]), repr(t[::-1]), repr(t[-2]))
print(t.index('\udfff'), t.find('\ud800b'), t.count('\ud800'), '\ud800' in t)
print(repr(t.upper()), repr(t.replace('\ud800', 'X')), t.split('\U0001f600'))
print(repr('\ud83d\ude00'), len('\ud83d\ude00'), '\ud83d\ude00' == '\U0001f600')
print(repr(s + 'x'), repr(s * 3), repr(f'{s}'), f'{s!r} {s!a}', '%r|%a|%s' % (s, s, s) == "'\\udc80'|'\\udc80'|" + s)
print(repr('%c' % 0xdc80), repr('{:c}'.format(0xd800)), repr(str(s)))
print(repr(r'\udc80'), len(r'\udc80'), repr(b'\\udc80'.decode('unicode_escape')))
print(repr('\N{BULLET}\udc80\x41\101\
z'), repr(f'{1}\udc80{{}}'))

# ordering: surrogates sort between U+D7FF and U+E000, as code points
items = ['\ue000', '\udc80', '\ud7ff', '\U00010000', 'a', '\ud800', '\uffff']
print([hex(ord(c)) for c in sorted(items)])
print('\udc80' < '\ue000', '\udc80' > '\ud7ff', '\U00010000' > '\udfff', max(items) == '\U00010000', min('\udc80', '\ue000') == '\udc80')
print(sorted(['x\udc80', 'x\ue000', 'x\ud7ff']) == ['x\ud7ff', 'x\udc80', 'x\ue000'])
print(hash(s) == hash(chr(0xdc80)), {s: 1}[chr(0xdc80)])
print(s.isalpha(), s.isspace(), s.isidentifier(), repr(s.casefold()), repr(s.center(5, '*')))
print(unicodedata.name(s, 'no name'), unicodedata.bidirectional(s), unicodedata.east_asian_width(s))
try:
    unicodedata.name(s)
except ValueError as e:
    print('ValueError', e)
print(repr(str.maketrans({'\udc80': 'A'})), repr('x\udc80'.translate({0xdc80: 0xd800})))
try:
    chr(0x110000)
except ValueError as e:
    print('ValueError', e)
